/**
 * Reads and checks a batch of workbooks for the command line. Every file given gets an outcome, in
 * order: one file that cannot be read, that makes the check fail, or that runs out of time is that
 * file's result and never takes the batch down. Progress goes to stderr (drawn on a terminal), and
 * Ctrl+C stops the batch: the files done so far keep their outcomes, the rest are "not-checked".
 */
import * as path from "node:path";
import { readXlsx } from "../adapters/xlsx/read/index";
import type { ReturnOutcome } from "../core/review/verdict";
import { ELLIPSIS, errorText } from "../core/text/index";
import { validateWorkbookWithContext } from "../core/validate/index";
import { verdictOnTrack } from "../core/review/on-track";
import type { CliIO } from "./io";
import { readWorkbookFile } from "./read-file";
import { fileMessage, safeName } from "./terminal";

/** A file this big gets a progress indicator even on its own. */
const LARGE_FILE_BYTES = 2 * 1024 * 1024;

const STOPPED_REASON = "not checked: the check was stopped (Ctrl+C) before this file";

export interface CheckFilesOptions {
  reportingDate?: string;
  /** Show progress on stderr even when it is not a terminal. */
  progress: boolean;
  /** Called with each checked workbook's whole result (`vfm consolidate` reads its records from the same analysis). */
  onChecked?: (index: number, checked: ReturnType<typeof validateWorkbookWithContext>) => void;
}

export interface CheckedBatch {
  outcomes: ReturnOutcome[];
  /** True when Ctrl+C stopped the batch before every file was checked. */
  stopped: boolean;
}

/** Progress on stderr: redrawn in place on a terminal, one line per step otherwise. */
class Progress {
  private drawn = false;
  private last = "";
  constructor(
    private readonly io: CliIO,
    private readonly enabled: boolean,
  ) {}

  show(text: string): void {
    // The reader reports often; a line is redrawn only when what it says changes.
    if (!this.enabled || text === this.last) return;
    this.last = text;
    if (this.io.stderrIsTTY) {
      this.io.stderr(`\r\u001b[K${text}`);
      this.drawn = true;
    } else {
      this.io.stderr(`${text}\n`);
    }
  }

  clear(): void {
    if (this.drawn) this.io.stderr("\r\u001b[K");
    this.drawn = false;
    this.last = "";
  }
}

/** Longest reason kept for a file whose check failed (the reason is in the JSON, CSV and SARIF too). */
const MAX_FAILURE_LENGTH = 1000;

function describeFailure(error: unknown): string {
  const message = errorText(error).replace(/\s+/g, " ").trim() || "an unexpected error";
  return message.length > MAX_FAILURE_LENGTH ? message.slice(0, MAX_FAILURE_LENGTH - ELLIPSIS.length) + ELLIPSIS : message;
}

export async function checkFiles(files: readonly string[], io: CliIO, options: CheckFilesOptions): Promise<CheckedBatch> {
  const outcomes: ReturnOutcome[] = [];
  const progress = new Progress(io, options.progress || io.stderrIsTTY);
  const several = files.length > 1;
  const stop = new AbortController();
  const unsubscribe = io.onInterrupt(() => stop.abort());
  const fileProblem = (file: string, reason: string) => {
    progress.clear();
    io.stderr(fileMessage(file, reason));
  };

  try {
    for (const [index, file] of files.entries()) {
      if (stop.signal.aborted) break;
      const counter = several ? `[${index + 1}/${files.length}] ` : "";
      if (several) progress.show(`${counter}reading ${safeName(file)}`);
      let outcome: ReturnOutcome;
      try {
        const show = (text: string) => progress.show(`${counter}${text}`);
        outcome = await checkOne(file, io, options, {
          signal: stop.signal,
          show,
          note: (text) => fileProblem(file, `note: ${text}`),
          several,
          index,
        });
      } catch (error) {
        outcome = { file, status: "unreadable", reason: `could not be checked: ${describeFailure(error)}` };
      }
      if (outcome.status === "not-checked") break;
      if (outcome.status === "unreadable") fileProblem(file, outcome.reason);
      outcomes.push(outcome);
    }
  } finally {
    unsubscribe();
    progress.clear();
  }
  const stopped = outcomes.length < files.length;
  for (const file of files.slice(outcomes.length)) outcomes.push({ file, status: "not-checked", reason: STOPPED_REASON });
  return { outcomes, stopped };
}

interface FileContext {
  signal: AbortSignal;
  /** Updates the progress line. */
  show: (text: string) => void;
  /** A note from the reader about the file, on stderr. */
  note: (text: string) => void;
  several: boolean;
  /** The file's place in the batch. */
  index: number;
}

async function checkOne(
  file: string,
  io: CliIO,
  options: CheckFilesOptions,
  { signal, show, note, several, index }: FileContext,
): Promise<ReturnOutcome> {
  const read = await readWorkbookFile(file, io.cwd);
  if (!read.ok) return { file, status: "unreadable", reason: read.reason };
  const large = read.size >= LARGE_FILE_BYTES;
  const workbook = await readXlsx(read.bytes, {
    fileName: path.basename(file),
    signal,
    onProgress: several || large ? (fraction: number) => show(`reading ${safeName(file)} ${Math.round(fraction * 100)}%`) : undefined,
  });
  if (signal.aborted) return { file, status: "not-checked", reason: STOPPED_REASON };
  if (!workbook.ok) return { file, status: "unreadable", reason: workbook.reason };
  if (several || large) show(`checking ${safeName(file)}`);
  for (const warning of workbook.warnings) note(warning);
  const checked = validateWorkbookWithContext(workbook.model, { file, reportingDate: options.reportingDate });
  options.onChecked?.(index, checked);
  return {
    file,
    status: "checked",
    report: checked.report,
    vfmTablesFound: checked.vfmTablesFound,
    onTrack: verdictOnTrack(checked.onTrack, checked.unit),
    unit: checked.unit,
  };
}
