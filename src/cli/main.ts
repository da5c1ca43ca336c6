import { CliIO, Command, EXIT_USAGE_OR_UNREADABLE, processIO } from "./io";
import { runCalc } from "./commands/calc";
import { functionDocByCommand } from "../core/calc";
import { runValidate, VALIDATE_USAGE } from "./commands/validate";
import { runTemplate, TEMPLATE_USAGE } from "./commands/template";

interface CommandEntry {
  run: Command;
  summary: string;
}

/** The calculations are described exactly as Excel describes VFM.TARGET, VFM.NETGAIN and VFM.DEFLATE. */
function calcEntry(name: "target" | "netgain" | "deflate"): [string, CommandEntry] {
  const doc = functionDocByCommand(name);
  return [name, { run: (args, io) => runCalc(name, args, io), summary: `VFM.${doc?.id ?? name.toUpperCase()}: ${doc?.description ?? ""}` }];
}

const COMMANDS = new Map<string, CommandEntry>([
  calcEntry("target"),
  calcEntry("netgain"),
  calcEntry("deflate"),
  ["validate", { run: runValidate, summary: "check .xlsx workbooks against the 9 CSR07 measurement principles" }],
  ["template", { run: runTemplate, summary: "write a complete, empty VfM workbook" }],
]);

export function usage(): string {
  const lines = [
    "Usage: vfm COMMAND [ARG...]",
    "",
    "Commands:",
    ...[...COMMANDS].map(([name, entry]) => `  ${name.padEnd(9)} ${entry.summary}`),
    "",
    `  ${VALIDATE_USAGE}`,
    `  ${TEMPLATE_USAGE}`,
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
  const entry = COMMANDS.get(name.toLowerCase());
  if (!entry) {
    io.stderr(`vfm: unknown command '${name}'\n${usage()}`);
    return EXIT_USAGE_OR_UNREADABLE;
  }
  return entry.run(rest, io);
}
