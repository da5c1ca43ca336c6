/** A CliIO that keeps what a command writes, for tests; the terminal and environment are whatever the test says. */
import type { CliIO } from "../../src/cli/io";

export interface MemoryIO extends CliIO {
  out: string;
  err: string;
  /** Presses Ctrl+C: calls every handler subscribed through onInterrupt. */
  interrupt(): void;
}

export function memoryIO(options: Partial<Pick<CliIO, "cwd" | "stdoutIsTTY" | "stderrIsTTY" | "env">> = {}): MemoryIO {
  const handlers = new Set<() => void>();
  const io: MemoryIO = {
    out: "",
    err: "",
    stdout: (text) => void (io.out += text),
    stderr: (text) => void (io.err += text),
    stdoutIsTTY: options.stdoutIsTTY ?? false,
    stderrIsTTY: options.stderrIsTTY ?? false,
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
    onInterrupt(handler) {
      handlers.add(handler);
      return () => void handlers.delete(handler);
    },
    interrupt: () => [...handlers].forEach((handler) => handler()),
  };
  return io;
}
