/** The pane's page layout: the frame, the column every section sits in, and a row of buttons. */
import { makeStaticStyles, makeStyles, tokens } from "@fluentui/react-components";

/**
 * On paper: the summary, the target panel and the findings, without the controls (buttons, filters,
 * settings, workbook tools: data-print="hide"), in black on white, each finding and each panel kept
 * whole on a page where it fits, and every finding's why and how to fix as on screen.
 */
const PRINT_STYLESHEET = `@media print {
  @page { margin: 15mm; }
  body { background: #fff !important; }
  [data-print="hide"], [data-rule] button, [data-findings-principle] button,
  [role="group"][aria-label="Show findings by severity"], [data-testid="cell-view"], [data-testid="check-progress"] { display: none !important; }
  main { max-width: none !important; padding: 0 !important; }
  main, main * { box-shadow: none !important; }
  [data-rule], [data-testid="target-panel"] dl, [data-testid="target-panel"] table, [data-testid="summary"] li { break-inside: avoid; }
  h1, h2, h3 { break-after: avoid; }
  [data-testid="target-panel"] { break-before: auto; }
  a { color: inherit !important; }
}`;

// The pane fills its frame edge to edge (browsers give <body> an 8 px margin, a white frame round the pane).
export const usePageStyles = makeStaticStyles([{ body: { margin: 0 } }, PRINT_STYLESHEET]);

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
    // break-word, not anywhere: it breaks a word only when the word cannot fit on a line of its own,
    // and never shrinks a table column below a whole figure ("2,100,0 / 00").
    overflowWrap: "break-word",
  },
  /** A row of buttons that wraps in a narrow pane. */
  controls: { display: "flex", flexWrap: "wrap", gap: tokens.spacingHorizontalS, alignItems: "center" },
});
