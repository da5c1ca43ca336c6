/**
 * Output formats registered by name. A command keeps one registry for what it prints; its `--format`
 * option, the help and the dispatch all come from the registry, so adding a format is one `register`.
 */
import { choiceOption, type ValueOption } from "./options";

export interface Formatter<T> {
  /** The word after --format. */
  name: string;
  /** One line for the help: what the format is for. */
  help: string;
  /** The whole output for stdout. */
  format(input: T): string;
}

export class FormatterRegistry<T> {
  private readonly byName = new Map<string, Formatter<T>>();

  register(formatter: Formatter<T>): this {
    if (this.byName.has(formatter.name)) throw new Error(`format '${formatter.name}' is registered twice`);
    this.byName.set(formatter.name, formatter);
    return this;
  }

  get(name: string): Formatter<T> {
    const formatter = this.byName.get(name);
    if (!formatter) throw new Error(`no format '${name}' is registered`);
    return formatter;
  }

  names(): string[] {
    return [...this.byName.keys()];
  }

  /** The `--format` option for these formats (the first registered is the default), help included. */
  option(short = "f"): ValueOption<string> {
    const help = [...this.byName.values()].map((f, i) => `${f.name}${i === 0 ? " (default)" : ""}: ${f.help}`);
    return choiceOption(this.names(), help, short);
  }
}
