import { CliIO, Command, EXIT_USAGE_OR_UNREADABLE, processIO } from "./io";
import { runCalc, calcHelp } from "./commands/calc";
import { runValidate, VALIDATE_USAGE } from "./commands/validate";
import { runTemplate, TEMPLATE_USAGE } from "./commands/template";

interface CommandEntry {
  run: Command;
  summary: string;
}

const COMMANDS = new Map<string, CommandEntry>([
  ["target", { run: (args, io) => runCalc("target", args, io), summary: "cumulative gain required by a year of the spending period (VFM.TARGET)" }],
  ["netgain", { run: (args, io) => runCalc("netgain", args, io), summary: "gain net of costs, discounted for deliverability (VFM.NETGAIN)" }],
  ["deflate", { run: (args, io) => runCalc("deflate", args, io), summary: "re-express an amount in another year's prices (VFM.DEFLATE)" }],
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
  void calcHelp;
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
