import { CliIO, EXIT_USAGE_OR_UNREADABLE, processIO } from "./io";
import { COMMANDS } from "./commands/index";

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

export async function main(argv: string[], io: CliIO = processIO()): Promise<number> {
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
    io.stderr(`vfm: unknown command '${name}'\n${usage()}`);
    return EXIT_USAGE_OR_UNREADABLE;
  }
  return command.run(rest, io);
}
