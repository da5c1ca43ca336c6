/**
 * Rule messages as data, as ESLint rules declare them: each rule names its messages by id, each
 * message a template with {{placeholders}}; a finding carries the id and the values (its data), and
 * the engine fills the template. So tests assert ids and data exactly, SARIF carries the templates
 * (rule.messageStrings) and the arguments, and wording changes in one place.
 */

/** A finding's values for its message's placeholders, already written as text (e.g. "420.5"). */
export type MessageData = Readonly<Record<string, string>>;

/**
 * Messages the rule context writes for every rule (a table or a column that is not there); a rule
 * does not declare these. Their {{why}} is the rule's reason, given where it calls missingTable or
 * missingColumn.
 */
export const CONTEXT_MESSAGES = {
  missingTable:
    'No {{table}} table found: {{why}}. The check {{search}}. Add a sheet or Excel table named "{{table}}"{{synonyms}} with the headers {{headers}}. Or name its range in the Settings table (Key "Table {{table}}").',
  missingColumn: 'The {{table}} table on sheet "{{sheet}}" has no "{{column}}" column{{synonyms}}: {{why}}. Add it to the header row.',
} as const;

const PLACEHOLDER = /\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

/** The placeholder names of a template, each once, in the order they first appear. */
export function placeholders(template: string): string[] {
  const names: string[] = [];
  for (const match of template.matchAll(PLACEHOLDER)) if (!names.includes(match[1])) names.push(match[1]);
  return names;
}

export class MessageError extends Error {
  override name = "MessageError";
}

/** Fills a template; a placeholder without a value is an error, never left in the text. */
export function renderMessage(template: string, data: MessageData, what = "message"): string {
  return template.replace(PLACEHOLDER, (_, name: string) => {
    const value = Object.prototype.hasOwnProperty.call(data, name) ? data[name] : undefined;
    if (typeof value !== "string") throw new MessageError(`${what} has no value for {{${name}}}`);
    return value;
  });
}

/**
 * The template in SARIF's form: placeholders numbered {0}, {1}, ... in the order `placeholders`
 * gives, literal braces doubled (SARIF 2.1.0, 3.11.5).
 */
export function sarifMessageString(template: string): string {
  const names = placeholders(template);
  return template
    .split(PLACEHOLDER)
    .map((part, i) => (i % 2 === 1 ? `{${names.indexOf(part)}}` : part.replace(/[{}]/g, (brace) => brace + brace)))
    .join("");
}

/** The data in SARIF's form: the values in the order of the template's placeholders. */
export function sarifArguments(template: string, data: MessageData): string[] {
  return placeholders(template).map((name) => data[name] ?? "");
}
