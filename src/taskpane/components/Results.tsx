/**
 * The results of a check: the summary tiles, the workbook's state, the target panel, the findings and
 * the settings. A separate chunk, loaded while the workbook is being read.
 */
import * as React from "react";
import { Button, MessageBar, MessageBarBody, makeStyles, tokens } from "@fluentui/react-components";
import { TableAdd20Regular } from "@fluentui/react-icons";
import type { CheckResult, SettingsChoice, WorkbookSource } from "../source";
import { Summary } from "./Summary";
import { Findings } from "./Findings";
import { TargetPanel } from "./TargetPanel";
import { SettingsPanel } from "./SettingsPanel";
import { ComparePanel } from "./ComparePanel";
import { WhatWasFound } from "./WhatWasFound";
import { NoticeTitle } from "./NoticeTitle";

/** Reader notes shown before "and N more": they explain, they are not findings. */
const READER_NOTES_SHOWN = 3;

const useStyles = makeStyles({
  states: { display: "flex", flexDirection: "column", gap: tokens.spacingVerticalS },
});

export interface ResultsProps {
  result: CheckResult;
  source: WorkbookSource;
  busy: boolean;
  /** Focus moves to the summary whenever this changes to a value above 0. */
  focusSummaryToken: number;
  onCreateTemplate?: () => void;
  templateHint?: React.ReactNode;
  settingsShown: SettingsChoice;
  onApplySettings: (choice: SettingsChoice) => void;
}

export default function Results(props: ResultsProps) {
  const { result, source } = props;
  const summaryRef = React.useRef<HTMLElement>(null);
  React.useEffect(() => {
    if (props.focusSummaryToken > 0) summaryRef.current?.focus();
  }, [props.focusSummaryToken]);
  return (
    <>
      <Summary
        ref={summaryRef}
        report={result.report}
        catalogue={result.catalogue}
        label={source.label}
        nothingToCheck={result.data.isEmpty ? "empty" : result.data.hasVfmTables ? undefined : "no-tables"}
        onTrack={result.data.onTrack}
      />
      <WorkbookStates
        data={result.data}
        readerNotes={result.readerNotes}
        onCreateTemplate={props.onCreateTemplate}
        templateHint={props.templateHint}
        busy={props.busy}
      />
      <TargetPanel data={result.data} />
      {result.data.hasVfmTables && <ComparePanel result={result} source={source} busy={props.busy} />}
      <Findings findings={result.report.findings} catalogue={result.catalogue} onGoToCell={(sheet, cell) => source.goToCell(sheet, cell)} />
      {result.found && <WhatWasFound found={result.found} onGoToCell={(sheet, cell) => source.goToCell(sheet, cell)} />}
      <SettingsPanel kind={source.kind} current={props.settingsShown} busy={props.busy} onApply={props.onApplySettings} />
    </>
  );
}

function WorkbookStates(props: {
  data: CheckResult["data"];
  readerNotes: string[];
  onCreateTemplate?: () => void;
  templateHint?: React.ReactNode;
  busy: boolean;
}) {
  const styles = useStyles();
  const { data } = props;
  const offer = props.onCreateTemplate ? (
    <Button size="small" icon={<TableAdd20Regular />} onClick={props.onCreateTemplate} disabled={props.busy}>
      Create VfM workbook
    </Button>
  ) : (
    props.templateHint
  );
  return (
    <div className={styles.states}>
      {data.isEmpty ? (
        <MessageBar intent="info" layout="multiline" data-testid="state-empty">
          <MessageBarBody>
            <NoticeTitle>This workbook is empty</NoticeTitle>There is nothing to check yet. Start from the VfM template, which has every
            table the check looks for. {offer}
          </MessageBarBody>
        </MessageBar>
      ) : (
        !data.hasVfmTables && (
          <MessageBar intent="warning" layout="multiline" data-testid="state-no-tables">
            <MessageBarBody>
              <NoticeTitle>No VfM tables found</NoticeTitle>The check looks for tables such as Gains (or Register), Baseline, Profile,
              Milestones, Quarterly and Settings, as Excel tables, named ranges or sheets with those names. None was found in this workbook.
              Start from the VfM template, or rename your sheets or tables to match. {offer}
            </MessageBarBody>
          </MessageBar>
        )
      )}
      {props.readerNotes.length > 0 && (
        <MessageBar intent="info" layout="multiline" data-testid="reader-notes">
          <MessageBarBody>
            <NoticeTitle>Notes from reading the file</NoticeTitle>
            {props.readerNotes.slice(0, READER_NOTES_SHOWN).join(" ")}
            {props.readerNotes.length > READER_NOTES_SHOWN && ` And ${props.readerNotes.length - READER_NOTES_SHOWN} more.`}
          </MessageBarBody>
        </MessageBar>
      )}
      {data.protectedSheets.length > 0 && (
        <MessageBar intent="info" layout="multiline" data-testid="state-protected">
          <MessageBarBody>
            <NoticeTitle>{data.protectedSheets.length === 1 ? "A sheet is protected" : "Some sheets are protected"}</NoticeTitle>
            {`Protected: ${data.protectedSheets.join(", ")}. The check can read them, but nothing can be written to them (settings, for instance) until they are unprotected in Excel (Review > Unprotect Sheet).`}
          </MessageBarBody>
        </MessageBar>
      )}
    </div>
  );
}
