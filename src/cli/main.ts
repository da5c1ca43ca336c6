import { CliIO, EXIT_USAGE_OR_UNREADABLE, processIO } from "./io";
import { COMMANDS } from "./commands/index";
import { safeName } from "./terminal";

export function usage(): string {
  const width = Math.max(...COMMANDS.map((c) => c.name.length)) + 1;
  const lines = [
    "Usage: vfm COMMAND [ARG...]",
    "",
    "Commands:",
    ...COMMANDS.map((command) => `  ${command.name.padEnd(width)} ${command.summary}`),
    "",
    ...COMMANDS.map((command) => `  ${command.usage}`),
    "",
    "Run `vfm COMMAND --help` for a command's arguments.",
  ];
  return lines.join("\n") + "\n";
}

/**
 * Runs `vfm ARGV...`; returns the exit status. With no `io`, on the process's own stdout and stderr:
 * then an output that cannot be written (disk full, closed pipe) is exit status 2 with one line on
 * stderr, whatever the command found.
 */
export async function main(argv: string[], io?: CliIO): Promise<number> {
  if (io) return dispatch(argv, io);
  const own = processIO();
  const status = await dispatch(argv, own);
  const failure = await own.finish();
  if (failure === null) return status;
  // When stderr itself is what failed, this line is lost too; the status still says so.
  own.stderr(`vfm: ${failure}\n`);
  return EXIT_USAGE_OR_UNREADABLE;
}

async function dispatch(argv: string[], io: CliIO): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === "--help" || name === "-h" || name === "help") {
    if (name === undefined) {
      io.stderr(usage());
      return EXIT_USAGE_OR_UNREADABLE;
    }
    io.stdout(usage());
    return 0;
  }
  const command = COMMANDS.find((c) => c.name === name.toLowerCase());
  if (!command) {
    io.stderr(`vfm: unknown command '${safeName(name)}'\n${usage()}`);
    return EXIT_USAGE_OR_UNREADABLE;
  }
  return command.run(rest, io);
}
