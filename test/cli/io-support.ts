/** A CliIO that keeps what a command writes, for tests; the terminal and environment are whatever the test says. */
import type { CliIO } from "../../src/cli/io";

export interface MemoryIO extends CliIO {
  out: string;
  err: string;
}

export function memoryIO(options: Partial<Pick<CliIO, "cwd" | "stdoutIsTTY" | "stderrIsTTY" | "env">> = {}): MemoryIO {
  const io: MemoryIO = {
    out: "",
    err: "",
    stdout: (text) => void (io.out += text),
    stderr: (text) => void (io.err += text),
    stdoutIsTTY: options.stdoutIsTTY ?? false,
    stderrIsTTY: options.stderrIsTTY ?? false,
    env: options.env ?? {},
    cwd: options.cwd ?? process.cwd(),
  };
  return io;
}
