import { main } from "../../src/cli/main";
import { FUNCTION_DOCS } from "../../src/core/calc";
import { memoryIO } from "./io-support";

const fakeIO = () => memoryIO();

describe("vfm (the dispatcher)", () => {
  test("--help lists every command, the functions with the descriptions Excel shows", async () => {
    const io = fakeIO();
    expect(await main(["--help"], io)).toBe(0);
    for (const doc of Object.values(FUNCTION_DOCS)) {
      expect(io.out).toContain(`${doc.command}`);
      expect(io.out).toContain(`VFM.${doc.id}: ${doc.description}`);
    }
    expect(io.out).toContain("validate");
    expect(io.out).toContain("template");
    expect(io.err).toBe("");
  });

  test("no command is a usage error on stderr, exit status 2", async () => {
    const io = fakeIO();
    expect(await main([], io)).toBe(2);
    expect(io.err).toMatch(/^Usage: vfm COMMAND/);
    expect(io.out).toBe("");
  });

  test("an unknown command says which, exit status 2", async () => {
    const io = fakeIO();
    expect(await main(["targett"], io)).toBe(2);
    expect(io.err.split("\n")[0]).toBe("vfm: unknown command 'targett'");
  });

  test("command names are not case-sensitive", async () => {
    const io = fakeIO();
    expect(await main(["TARGET", "15246", "3%", "3"], io)).toBe(0);
    expect(io.out).toBe("1413.715842\n");
  });
});
