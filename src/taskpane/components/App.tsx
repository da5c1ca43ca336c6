/**
 * The pane: check the workbook, show one tile per principle and the findings, the target panel,
 * settings and (in Excel) the workbook tools. It talks only to a WorkbookSource, so the same app
 * runs inside Excel and as the standalone page.
 *
 * Laid out as Fluent UI v9 lays out its components: the behaviour is a hook over a reducer
 * (pane/usePaneCheck.ts, pane/pane-state.ts), the markup small components (pane/*.tsx) that only
 * draw what the hook gives them. Where to add things:
 * - a panel about the results (what the check found, a comparison...): Results.tsx, in the order
 *   the panels are read;
 * - an action beside Check workbook: pane/CheckControls.tsx (a prop here, behaviour in the hook);
 * - a tool that writes to the workbook: pane/WorkbookTools.tsx, its write through `write` in the hook.
 */
import * as React from "react";
import { FluentProvider, webLightTheme } from "@fluentui/react-components";
import type { WorkbookSource } from "../source";
import { usePaneCheck } from "./pane/usePaneCheck";
import { loadedResultsView } from "./pane/results-view";
import { usePageStyles, usePaneLayoutStyles } from "./pane/usePaneLayoutStyles.styles";
import { PaneHeader } from "./pane/PaneHeader";
import { CheckControls } from "./pane/CheckControls";
import { CheckProgressView } from "./pane/CheckProgressView";
import { PaneNotice } from "./pane/PaneNotice";
import { WorkbookTools } from "./pane/WorkbookTools";

export { preloadResultsView } from "./pane/results-view";

export interface AppProps {
  source: WorkbookSource;
  /** Shown under the title: the standalone page's "Open workbook" controls. */
  toolbar?: React.ReactNode;
  /** When this changes to a value above 0 the app checks the workbook (the standalone page, after a file is opened). */
  autoCheckToken?: number;
  /** Shown where the results go before the first check. */
  intro?: React.ReactNode;
  /** How a user gets a VfM workbook where the source cannot create one (the standalone page). */
  templateHint?: React.ReactNode;
}

export function App(props: AppProps) {
  return (
    <FluentProvider theme={webLightTheme}>
      <PaneContent {...props} />
    </FluentProvider>
  );
}

function PaneContent({ source, toolbar, autoCheckToken = 0, intro, templateHint }: AppProps) {
  usePageStyles();
  const styles = usePaneLayoutStyles();
  const pane = usePaneCheck(source, autoCheckToken);
  const { running, progress, result, notice, focus } = pane.state;
  const Results = loadedResultsView()?.default;
  const focusToken = (to: "summary" | "notice") => (focus?.to === to ? focus.serial : 0);

  return (
    <div className={styles.provider}>
      <main className={styles.main}>
        <PaneHeader source={source} />
        {toolbar && <div data-print="hide">{toolbar}</div>}
        <CheckControls busy={pane.busy} running={running} unavailable={source.unavailable} onCheck={pane.check} onCancel={pane.cancel} />
        {running && <CheckProgressView progress={progress} />}
        {notice && <PaneNotice notice={notice} focusToken={focusToken("notice")} />}
        {!result && !running && !notice && intro}
        {result && Results && (
          <Results
            result={result}
            source={source}
            busy={pane.busy}
            focusSummaryToken={focusToken("summary")}
            onCreateTemplate={pane.createTemplate}
            templateHint={templateHint}
            settingsShown={pane.settingsShown ?? result.data.settings}
            onApplySettings={pane.applySettings}
          />
        )}
        {(pane.createTemplate || pane.writeReport) && (
          <WorkbookTools
            busy={pane.busy}
            onCreateTemplate={pane.createTemplate}
            canWriteReport={pane.canWriteReport}
            onWriteReport={pane.writeReport}
          />
        )}
      </main>
    </div>
  );
}
