/** The message bar for a check that did not end in results, or for a write; it takes focus when asked. */
import * as React from "react";
import { makeStyles, MessageBar, MessageBarBody, tokens } from "@fluentui/react-components";
import type { Notice } from "./pane-state";
import { unnamedTakenSheets } from "./pane-state";
import { NoticeTitle } from "../NoticeTitle";

const useStyles = makeStyles({
  notice: { ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}` } },
});

export interface PaneNoticeProps {
  notice: Notice;
  /** Focus moves to the notice whenever this changes to a value above 0. */
  focusToken: number;
}

export function PaneNotice({ notice, focusToken }: PaneNoticeProps) {
  const styles = useStyles();
  const ref = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => {
    if (focusToken > 0) ref.current?.focus();
  }, [focusToken]);
  const unnamedTaken = unnamedTakenSheets(notice);
  return (
    <div ref={ref} tabIndex={-1} className={styles.notice} data-testid="notice">
      <MessageBar intent={notice.intent} layout="multiline">
        <MessageBarBody>
          <NoticeTitle>{notice.title}</NoticeTitle>
          {notice.text}
          {unnamedTaken.length > 0 && (
            <>
              {" Sheet names already taken: "}
              <strong>{unnamedTaken.join(", ")}</strong>
              {". Rename or remove them, then try again."}
            </>
          )}
        </MessageBarBody>
      </MessageBar>
    </div>
  );
}
