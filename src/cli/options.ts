/**
 * One option table per command drives both parsing and `--help`.
 *
 * Node's `util.parseArgs` splits the words (long and short names, `--name=value`, grouped short flags,
 * `--`); this module checks them against the table and turns every problem into a one-line message.
 * parseArgs runs in its lenient mode so that unknown options, missing values and repeated options get
 * our own wording rather than Node's.
 */
import { parseArgs } from "node:util";
import { oneLine } from "../core/text/index";

type ValueCheck<V> = { ok: true; value: V } | { ok: false; message: string };

interface OptionBase {
  /** One-letter alias, without the dash. */
  short?: string;
  /** The help text; several lines for a long description. */
  help: string | readonly string[];
}

export interface FlagOption extends OptionBase {
  kind: "flag";
}

export interface ValueOption<V> extends OptionBase {
  kind: "value";
  /** How the value is shown in the usage line and the help: FILE.csv, YYYY-YY, text|json|sarif. */
  placeholder: string;
  /** Completes "--name needs ...": "a file name", "a value: text, json or sarif". */
  needs: string;
  /** Turns the text into the value, or says in one line what is wrong with it. */
  parse: (text: string) => ValueCheck<V>;
  /** Refuse a second occurrence ("--series is given twice") instead of the last one winning. */
  once?: boolean;
}

type OptionSpec = FlagOption | ValueOption<unknown>;
export type OptionTable = Readonly<Record<string, OptionSpec>>;

/** The parsed values: a flag is a boolean, a value option its parsed value or undefined. */
export type OptionValues<T extends OptionTable> = {
  [K in keyof T]: T[K] extends ValueOption<infer V> ? V | undefined : boolean;
};

export function flag(help: string | readonly string[], short?: string): FlagOption {
  return { kind: "flag", help, short };
}

export function valueOption<V>(spec: Omit<ValueOption<V>, "kind">): ValueOption<V> {
  return { kind: "value", ...spec };
}

/** An option whose value is one of a list of words, matched without regard to case. */
export function choiceOption<C extends string>(choices: readonly C[], help: string | readonly string[], short?: string): ValueOption<C> {
  const list = choices.length > 1 ? `${choices.slice(0, -1).join(", ")} or ${choices[choices.length - 1]}` : choices.join("");
  return valueOption<C>({
    short,
    help,
    placeholder: choices.join("|"),
    needs: `a value: ${list}`,
    parse: (text) => {
      const choice = choices.find((c) => c === text.toLowerCase());
      return choice ? { ok: true, value: choice } : { ok: false, message: `'${text}' is not one of ${choices.join(", ")}` };
    },
  });
}

/** `reportingDate` -> `reporting-date`: the table's keys are the options' long names in camelCase. */
export function longName(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

export interface CommandLine {
  /** The command as typed after `vfm`. */
  name: string;
  /** The arguments in the usage line, e.g. "FILE..." or "OUT.xlsx". */
  operands: string;
  options: OptionTable;
  /** Help text between the usage line and the options (what the command does, its arguments). */
  description: string;
  /** Help text after the options (examples, exit statuses). */
  footer?: string;
  /** What `vfm NAME --help` is for, in the usage error's last line. Default "the options". */
  helpTopic?: string;
}

export type Parsed<T extends OptionTable> =
  { help: true } | { help: false; values: OptionValues<T>; operands: string[] } | { error: string };

/** True for an option such as --json, as opposed to a negative number such as -5 or -.5. */
function isOption(text: string): boolean {
  return text.startsWith("--") || (text.startsWith("-") && text.length > 1 && !/^-[\d.]/.test(text));
}

/** Marks a word that looks like an option but is a negative number: NUL never occurs in a real argument. */
const OPERAND_MARK = "\u0000";

export function parseCommandLine<T extends OptionTable>(command: CommandLine & { options: T }, args: readonly string[]): Parsed<T> {
  const table = command.options;
  const byLong = new Map<string, [string, OptionSpec]>();
  const parseArgsOptions: Record<string, { type: "string" | "boolean"; short?: string }> = {
    help: { type: "boolean", short: "h" },
  };
  for (const [key, spec] of Object.entries(table)) {
    byLong.set(longName(key), [key, spec]);
    parseArgsOptions[longName(key)] = { type: spec.kind === "flag" ? "boolean" : "string", ...(spec.short ? { short: spec.short } : {}) };
  }
  // Before `--`, a negative number is an operand (vfm netgain -5), not a cluster of short options.
  const terminator = args.indexOf("--");
  const words = args.map((word, i) =>
    (terminator < 0 || i < terminator) && word.startsWith("-") && !isOption(word) && word !== "-" ? OPERAND_MARK + word : word,
  );
  const unmark = (word: string) => (word.startsWith(OPERAND_MARK) ? word.slice(1) : word);
  const { tokens } = parseArgs({ args: words, options: parseArgsOptions, strict: false, allowPositionals: true, tokens: true });

  const values: Record<string, unknown> = {};
  for (const [key, spec] of Object.entries(table)) values[key] = spec.kind === "flag" ? false : undefined;
  const seen = new Set<string>();
  const operands: string[] = [];
  let help = false;
  let error: string | undefined;
  for (const token of tokens) {
    // After the first problem only --help is still looked for: it wins over everything.
    if (error !== undefined && !(token.kind === "option" && token.name === "help")) continue;
    if (token.kind === "positional") {
      operands.push(unmark(token.value));
      continue;
    }
    if (token.kind === "option-terminator") continue;
    if (token.name === "help") {
      help = true;
      continue;
    }
    const entry = byLong.get(token.name);
    if (!entry || (token.rawName.startsWith("--") ? token.rawName.slice(2) !== token.name : entry[1].short !== token.rawName.slice(1))) {
      error = `unknown option '${unmark(args[token.index] ?? token.rawName)}'`;
      continue;
    }
    const [key, spec] = entry;
    const display = `--${token.name}`;
    if (spec.kind === "flag") {
      if (token.inlineValue) error = `${display} takes no value`;
      else values[key] = true;
      continue;
    }
    if (token.value === undefined || token.value === "") {
      error = `${display} needs ${spec.needs}`;
      continue;
    }
    if (spec.once && seen.has(key)) {
      error = `${display} is given twice`;
      continue;
    }
    seen.add(key);
    const text = unmark(token.value);
    const checked = spec.parse(text);
    if (checked.ok) values[key] = checked.value;
    else error = `${display} ${checked.message}`;
  }
  if (help) return { help: true };
  if (error !== undefined) return { error };
  return { help: false, values: values as OptionValues<T>, operands };
}

/** `vfm NAME OPERANDS [--flag] [--name VALUE]...`, from the table. */
export function usageLine(command: CommandLine): string {
  const options = Object.entries(command.options).map(([key, spec]) =>
    spec.kind === "flag" ? `[--${longName(key)}]` : `[--${longName(key)} ${spec.placeholder}]`,
  );
  return ["vfm", command.name, command.operands, ...options].filter(Boolean).join(" ");
}

const HELP_COLUMN = 29;

/** The options section of the help, one row per option (and --help), aligned in two columns. */
function optionsHelp(table: OptionTable): string {
  const rows: Array<[string, readonly string[]]> = Object.entries(table).map(([key, spec]) => {
    const names = `${spec.short ? `-${spec.short}, ` : ""}--${longName(key)}${spec.kind === "value" ? ` ${spec.placeholder}` : ""}`;
    return [names, typeof spec.help === "string" ? [spec.help] : spec.help];
  });
  rows.push(["-h, --help", ["show this help"]]);
  const lines: string[] = [];
  for (const [names, help] of rows) {
    const left = `  ${names}`;
    if (left.length + 1 < HELP_COLUMN) {
      lines.push(`${left.padEnd(HELP_COLUMN)}${help[0]}`);
    } else {
      lines.push(left, `${" ".repeat(HELP_COLUMN)}${help[0]}`);
    }
    for (const more of help.slice(1)) lines.push(`${" ".repeat(HELP_COLUMN)}${more}`);
  }
  return lines.join("\n");
}

/** `vfm NAME --help`: usage, description, options from the table, footer. */
export function commandHelp(command: CommandLine): string {
  const parts = [`Usage: ${usageLine(command)}`, command.description.trimEnd(), `Options:\n${optionsHelp(command.options)}`];
  if (command.footer) parts.push(command.footer.trimEnd());
  return parts.join("\n\n") + "\n";
}

/** The three lines for a command used wrongly: the problem, the usage, where the help is. */
export function usageError(command: CommandLine, problem: string): string {
  // The problem may quote an argument, and arguments come from file names too (vfm validate *).
  return `vfm ${command.name}: ${oneLine(problem, { maxLength: 1000 })}\nUsage: ${usageLine(command)}\nRun \`vfm ${command.name} --help\` for ${command.helpTopic ?? "the options"}.\n`;
}
