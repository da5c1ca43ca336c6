/** The option table: one declaration drives parsing, the usage line and `--help`; formats come from a registry. */
import { defineCommand } from "../../src/cli/command";
import { COMMANDS } from "../../src/cli/commands/index";
import { VALIDATE_FORMATS } from "../../src/cli/commands/validate-formats";
import { FormatterRegistry } from "../../src/cli/formatters";
import { choiceOption, commandHelp, flag, longName, parseCommandLine, usageLine, valueOption } from "../../src/cli/options";
import { terminalIsUnicode, useColour } from "../../src/cli/terminal";
import { usage } from "../../src/cli/main";
import { memoryIO } from "./io-support";

const EXAMPLE = {
  name: "example",
  operands: "FILE...",
  description: "Does an example thing.",
  footer: "Exit status: 0 always.",
  options: {
    mode: choiceOption(["fast", "slow"] as const, "how to run", "m"),
    outFile: valueOption<string>({
      placeholder: "OUT",
      needs: "a file name",
      once: true,
      help: ["where to write", "(a second line)"],
      parse: (t) => ({ ok: true, value: t }),
    }),
    count: valueOption<number>({
      placeholder: "N",
      needs: "a whole number",
      help: "how many",
      parse: (t) => (/^\d+$/.test(t) ? { ok: true, value: Number(t) } : { ok: false, message: `'${t}' is not a whole number` }),
    }),
    verbose: flag("say more", "v"),
  },
};

describe("parseCommandLine", () => {
  test("long and short names, --name=value, grouped short flags, operands in order", () => {
    expect(parseCommandLine(EXAMPLE, ["a", "--mode", "FAST", "-v", "b", "--out-file=x.txt", "--count=3"])).toEqual({
      help: false,
      values: { mode: "fast", outFile: "x.txt", count: 3, verbose: true },
      operands: ["a", "b"],
    });
    expect(parseCommandLine(EXAMPLE, ["-vm", "slow"])).toEqual({
      help: false,
      values: { mode: "slow", outFile: undefined, count: undefined, verbose: true },
      operands: [],
    });
  });

  test("defaults: a flag is false, a value option undefined", () => {
    expect(parseCommandLine(EXAMPLE, [])).toEqual({
      help: false,
      values: { mode: undefined, outFile: undefined, count: undefined, verbose: false },
      operands: [],
    });
  });

  test("a negative number is an operand, not an option; after -- everything is an operand", () => {
    expect(parseCommandLine(EXAMPLE, ["-5", "-.5", "-1e3"])).toMatchObject({ operands: ["-5", "-.5", "-1e3"] });
    expect(parseCommandLine(EXAMPLE, ["--", "-v", "--mode"])).toMatchObject({ values: { verbose: false }, operands: ["-v", "--mode"] });
    expect(parseCommandLine(EXAMPLE, ["--count", "-5"])).toEqual({ error: "--count '-5' is not a whole number" });
  });

  test("each problem is one line in our words", () => {
    expect(parseCommandLine(EXAMPLE, ["--colour"])).toEqual({ error: "unknown option '--colour'" });
    expect(parseCommandLine(EXAMPLE, ["-x"])).toEqual({ error: "unknown option '-x'" });
    expect(parseCommandLine(EXAMPLE, ["--mode"])).toEqual({ error: "--mode needs a value: fast or slow" });
    expect(parseCommandLine(EXAMPLE, ["--mode", "medium"])).toEqual({ error: "--mode 'medium' is not one of fast, slow" });
    expect(parseCommandLine(EXAMPLE, ["--out-file="])).toEqual({ error: "--out-file needs a file name" });
    expect(parseCommandLine(EXAMPLE, ["--out-file", "a", "--out-file", "b"])).toEqual({ error: "--out-file is given twice" });
    expect(parseCommandLine(EXAMPLE, ["--verbose=yes"])).toEqual({ error: "--verbose takes no value" });
  });

  test("a repeated option without `once` takes the last value", () => {
    expect(parseCommandLine(EXAMPLE, ["--count", "1", "--count", "2"])).toMatchObject({ values: { count: 2 } });
  });

  test("--help and -h win over everything else", () => {
    expect(parseCommandLine(EXAMPLE, ["--colour", "-h"])).toEqual({ help: true });
    expect(parseCommandLine(EXAMPLE, ["a", "--help"])).toEqual({ help: true });
  });

  test("long names are the table's keys in kebab case", () => {
    expect(longName("reportingDate")).toBe("reporting-date");
    expect(longName("json")).toBe("json");
  });
});

describe("help from the same table", () => {
  test("the usage line lists every option with its placeholder", () => {
    expect(usageLine(EXAMPLE)).toBe("vfm example FILE... [--mode fast|slow] [--out-file OUT] [--count N] [--verbose]");
  });

  test("--help: usage, description, every option with its short name and help, --help itself, footer", () => {
    expect(commandHelp(EXAMPLE)).toBe(
      [
        "Usage: vfm example FILE... [--mode fast|slow] [--out-file OUT] [--count N] [--verbose]",
        "",
        "Does an example thing.",
        "",
        "Options:",
        "  -m, --mode fast|slow       how to run",
        "  --out-file OUT             where to write",
        "                             (a second line)",
        "  --count N                  how many",
        "  -v, --verbose              say more",
        "  -h, --help                 show this help",
        "",
        "Exit status: 0 always.",
        "",
      ].join("\n"),
    );
  });

  test("a command built with defineCommand parses, helps and reports usage errors from its table", async () => {
    const seen: unknown[] = [];
    const command = defineCommand({
      ...EXAMPLE,
      summary: "an example",
      run: async ({ values, operands, usage }) => {
        if (operands.length === 0) return usage("give a file");
        seen.push({ values, operands });
        return 0;
      },
    });
    const help = memoryIO();
    expect(await command.run(["--help"], help)).toBe(0);
    expect(help.out).toBe(commandHelp(EXAMPLE));
    const wrong = memoryIO();
    expect(await command.run(["--mode", "x", "a"], wrong)).toBe(2);
    expect(wrong.err).toBe(
      `vfm example: --mode 'x' is not one of fast, slow\nUsage: ${usageLine(EXAMPLE)}\nRun \`vfm example --help\` for the options.\n`,
    );
    const missing = memoryIO();
    expect(await command.run([], missing)).toBe(2);
    expect(missing.err.split("\n")[0]).toBe("vfm example: give a file");
    expect(await command.run(["a", "-v"], memoryIO())).toBe(0);
    expect(seen).toEqual([{ values: { mode: undefined, outFile: undefined, count: undefined, verbose: true }, operands: ["a"] }]);
  });

  test("every command's --help shows every option of its usage line, and vfm --help lists every command", async () => {
    const all = usage();
    for (const command of COMMANDS) {
      expect(all).toContain(`  ${command.usage}\n`);
      const io = memoryIO();
      expect(await command.run(["--help"], io)).toBe(0);
      expect(io.out.startsWith(`Usage: ${command.usage}\n`)).toBe(true);
      for (const [, name] of command.usage.matchAll(/\[(--[a-z-]+)/g)) expect(io.out).toContain(name);
      // Help refers only to what ships in the repository.
      expect(io.out).not.toMatch(/workbook\.md|shared\/|\.\.\//);
    }
  });
});

describe("formats registered by name", () => {
  test("vfm validate's --format choices and help come from its registry", async () => {
    const names = VALIDATE_FORMATS.names();
    expect(names.slice(0, 3)).toEqual(["text", "json", "sarif"]);
    const validate = COMMANDS.find((c) => c.name === "validate")!;
    expect(validate.usage).toContain(`[--format ${names.join("|")}]`);
    const io = memoryIO();
    await validate.run(["--help"], io);
    expect(io.out).toContain("text (default): a report for people");
  });

  test("a registry refuses a name twice and an unknown name", () => {
    const registry = new FormatterRegistry<number>().register({ name: "plain", help: "digits", format: (n) => `${n}` });
    expect(() => registry.register({ name: "plain", help: "again", format: () => "" })).toThrow(/registered twice/);
    expect(() => registry.get("fancy")).toThrow(/no format 'fancy'/);
    expect(registry.get("plain").format(42)).toBe("42");
    expect(parseCommandLine({ ...EXAMPLE, options: { format: registry.option() } }, ["-f", "PLAIN"])).toMatchObject({
      values: { format: "plain" },
    });
  });
});

describe("the terminal, judged only from the injected I/O", () => {
  test("colour only when stdout is a terminal and NO_COLOR is not set", () => {
    expect(useColour(memoryIO({ stdoutIsTTY: true, env: {} }))).toBe(true);
    expect(useColour(memoryIO({ stdoutIsTTY: true, env: { NO_COLOR: "1" } }))).toBe(false);
    expect(useColour(memoryIO({ stdoutIsTTY: true, env: { NO_COLOR: "" } }))).toBe(true);
    expect(useColour(memoryIO({ stdoutIsTTY: false, env: {} }))).toBe(false);
  });

  test("symbols only when the locale is UTF-8", () => {
    expect(terminalIsUnicode({})).toBe(true);
    expect(terminalIsUnicode({ LANG: "en_GB.UTF-8" })).toBe(true);
    expect(terminalIsUnicode({ LANG: "C" })).toBe(false);
    expect(terminalIsUnicode({ LC_ALL: "C", LANG: "en_GB.UTF-8" })).toBe(false);
    expect(terminalIsUnicode({ TERM: "dumb" })).toBe(false);
  });

  test("vfm validate colours and picks symbols from the I/O it is given, not from the process", async () => {
    const tty = memoryIO({ stdoutIsTTY: true, env: { LANG: "en_GB.UTF-8" } });
    await COMMANDS.find((c) => c.name === "validate")!.run(["examples/northmoor-police-seeded.xlsx"], tty);
    expect(tty.out).toContain("\u001b[31m✖ error");
    const ascii = memoryIO({ stdoutIsTTY: false, env: { LANG: "C" } });
    await COMMANDS.find((c) => c.name === "validate")!.run(["examples/northmoor-police-seeded.xlsx"], ascii);
    expect(ascii.out).not.toContain("\u001b[");
    expect(ascii.out).toMatch(/ x error\s+Gains!G5 /);
  });
});
