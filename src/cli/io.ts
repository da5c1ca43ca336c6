/**
 * What a command may touch of the outside world; tests pass their own. Commands read the environment
 * and ask whether a stream is a terminal only through this object, never through `process`.
 */
export interface CliIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** True when stdout is a terminal (colour is added only then). */
  stdoutIsTTY: boolean;
  /** True when stderr is a terminal (progress indicators are drawn only then, or with --progress). */
  stderrIsTTY: boolean;
  /** The environment variables (NO_COLOR, LANG, LC_ALL, LC_CTYPE, TERM are the ones read). */
  env: Readonly<Record<string, string | undefined>>;
  cwd: string;
  /**
   * Calls `handler` when the user presses Ctrl+C (SIGINT), until the returned function is called.
   * Without a subscription Ctrl+C ends the process as usual; a second Ctrl+C always does.
   */
  onInterrupt(handler: () => void): () => void;
}

export type Command = (args: string[], io: CliIO) => Promise<number>;

/** Exit statuses shared by every command. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS_OR_FUNCTION_ERROR = 1;
export const EXIT_USAGE_OR_UNREADABLE = 2;
/** Stopped with Ctrl+C (128 + SIGINT, as shells report it); what was done so far is reported. */
export const EXIT_INTERRUPTED = 130;

let pipeGuardInstalled = false;

/** A reader that closes the pipe early (`vfm validate ... | head`) is not an error: stop quietly. */
function exitQuietlyOnClosedPipe(): void {
  if (pipeGuardInstalled) return;
  pipeGuardInstalled = true;
  for (const stream of [process.stdout, process.stderr]) {
    stream.on("error", (err: NodeJS.ErrnoException) => {
      if (err.code === "EPIPE") process.exit(process.exitCode ?? 0);
      throw err;
    });
  }
}

export function processIO(): CliIO {
  exitQuietlyOnClosedPipe();
  return {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stdoutIsTTY: Boolean(process.stdout.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
    cwd: process.cwd(),
    onInterrupt(handler) {
      let pressed = false;
      const listener = () => {
        if (pressed) process.exit(EXIT_INTERRUPTED);
        pressed = true;
        handler();
      };
      process.on("SIGINT", listener);
      return () => void process.off("SIGINT", listener);
    },
  };
}
