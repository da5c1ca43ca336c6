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

/** Exit statuses shared by every command. */
export const EXIT_OK = 0;
export const EXIT_FINDINGS_OR_FUNCTION_ERROR = 1;
export const EXIT_USAGE_OR_UNREADABLE = 2;
/** Stopped with Ctrl+C (128 + SIGINT, as shells report it); what was done so far is reported. */
export const EXIT_INTERRUPTED = 130;

/** The process's own I/O, which also learns whether the output could be written. */
export interface ProcessIO extends CliIO {
  /**
   * Waits until everything written has been handed to the system; resolves to a one-line reason
   * when stdout or stderr could not be written (disk full, a reader that closed the pipe), else null.
   */
  finish(): Promise<string | null>;
}

function describeWriteFailure(error: NodeJS.ErrnoException): string {
  switch (error.code) {
    case "ENOSPC":
      return "the disk is full (no space left on device)";
    case "EPIPE":
    case "ERR_STREAM_DESTROYED":
      return "the program reading it stopped before the end (closed pipe)";
    case "EDQUOT":
      return "your disk quota is used up";
    case "EIO":
      return "an input/output error on the device";
    default:
      return (error.code ?? error.message).replace(/\s+/g, " ").slice(0, 200);
  }
}

/**
 * stdout and stderr as the command's I/O. A write error (`> /dev/full`, `| head -c1`) is recorded,
 * never thrown: later writes to that stream are dropped, and `finish` reports it in one line.
 */
export function processIO(): ProcessIO {
  const failures = new Map<NodeJS.WriteStream, NodeJS.ErrnoException>();
  const writer = (stream: NodeJS.WriteStream) => {
    stream.on("error", (error: NodeJS.ErrnoException) => {
      if (!failures.has(stream)) failures.set(stream, error);
    });
    return (text: string) => {
      if (!failures.has(stream) && !stream.destroyed) stream.write(text);
    };
  };
  const flushed = (stream: NodeJS.WriteStream) =>
    new Promise<void>((resolve) => {
      if (failures.has(stream) || stream.destroyed) return resolve();
      stream.write("", () => resolve());
    });
  return {
    stdout: writer(process.stdout),
    stderr: writer(process.stderr),
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
    async finish() {
      await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
      const error = failures.get(process.stdout) ?? failures.get(process.stderr);
      if (!error) return null;
      const which = failures.has(process.stdout) ? "the output" : "messages";
      return `cannot write ${which}: ${describeWriteFailure(error)}`;
    },
  };
}
