/**
 * A `vfm` command: its option table (which drives parsing and `--help`), a one-line summary for
 * `vfm --help`, and what it does with the parsed values.
 */
import { CliIO, EXIT_OK, EXIT_USAGE_OR_UNREADABLE } from "./io";
import { commandHelp, parseCommandLine, usageError, usageLine, type CommandLine, type OptionTable, type OptionValues } from "./options";

export interface CliCommand {
  name: string;
  /** One line in `vfm --help`. */
  summary: string;
  /** The usage line, from the option table. */
  usage: string;
  /** `vfm NAME --help`. */
  help(): string;
  run(args: string[], io: CliIO): Promise<number>;
}

export interface CommandInput<T extends OptionTable> {
  values: OptionValues<T>;
  operands: string[];
  io: CliIO;
  /** Reports a usage problem found after parsing (a missing operand): three lines on stderr, exit status 2. */
  usage: (problem: string) => number;
}

export interface CommandDefinition<T extends OptionTable> extends CommandLine {
  options: T;
  summary: string;
  run(input: CommandInput<T>): Promise<number>;
}

export function defineCommand<T extends OptionTable>(definition: CommandDefinition<T>): CliCommand {
  return {
    name: definition.name,
    summary: definition.summary,
    usage: usageLine(definition),
    help: () => commandHelp(definition),
    async run(args, io) {
      const usage = (problem: string) => {
        io.stderr(usageError(definition, problem));
        return EXIT_USAGE_OR_UNREADABLE;
      };
      const parsed = parseCommandLine(definition, args);
      if ("error" in parsed) return usage(parsed.error);
      if (parsed.help) {
        io.stdout(commandHelp(definition));
        return EXIT_OK;
      }
      return definition.run({ values: parsed.values, operands: parsed.operands, io, usage });
    },
  };
}
