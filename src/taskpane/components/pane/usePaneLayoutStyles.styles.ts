/** The pane's page layout: the frame, the column every section sits in, and a row of buttons. */
import { makeStaticStyles, makeStyles, tokens } from "@fluentui/react-components";

// The pane fills its frame edge to edge (browsers give <body> an 8 px margin, a white frame round the pane).
export const usePageStyles = makeStaticStyles({ body: { margin: 0 } });

export const usePaneLayoutStyles = makeStyles({
  provider: { backgroundColor: tokens.colorNeutralBackground2, minHeight: "100vh" },
  main: {
    boxSizing: "border-box",
    display: "flex",
    flexDirection: "column",
    gap: tokens.spacingVerticalL,
    padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalM}`,
    maxWidth: "960px",
    margin: "0 auto",
    minWidth: 0,
    // A long file name or sheet name breaks rather than pushing the pane wider than a 320 px frame.
    overflowWrap: "anywhere",
  },
  /** A row of buttons that wraps in a narrow pane. */
  controls: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});
