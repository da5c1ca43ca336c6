import * as React from "react";
import { MessageBarTitle } from "@fluentui/react-components";

/**
 * A message bar's title followed by a real space: the title's own gap is CSS only, so without it
 * copied text, textContent and some screen readers run title and text together
 * ("...could not be checkedThere is..."). Every titled message bar uses this one.
 */
export function NoticeTitle(props: { children: React.ReactNode }): React.JSX.Element {
  return (
    <>
      <MessageBarTitle>{props.children}</MessageBarTitle>{" "}
    </>
  );
}
