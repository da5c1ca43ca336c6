/**
 * scripts/test-steps.js, the body of `npm test`: every step the README promises runs, side by side where
 * they do not depend on each other, one a core; a failed step stops the rest and jest never starts.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";

interface Step {
  name: string;
  command?: string;
  args: string[];
  after?: string[];
}
interface Handle {
  done: Promise<{ code: number; output: string }>;
  stop(): void;
}
interface RunResult {
  failed: string | null;
  code: number;
  times: Array<{ name: string; ms: number }>;
}
interface TestSteps {
  STEPS: Step[];
  JEST: Step;
  concurrency(cores?: number): number;
  startHeld(step: Step): Handle;
  runSteps(steps: Step[], slots: number, start: (step: Step) => Handle, report?: (step: Step, code: number, output: string) => void): Promise<RunResult>;
}

const ROOT = path.resolve(__dirname, "..", "..");
const SCRIPT = path.join(ROOT, "scripts", "test-steps.js");
// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain Node script, no types
const { STEPS, JEST, concurrency, runSteps, startHeld } = require(SCRIPT) as TestSteps;

/** A fake step that ends after `ms` with `code`, and records what ran when. */
function fakeStarter(plan: Record<string, { ms: number; code?: number }>) {
  const events: string[] = [];
  let running = 0;
  let most = 0;
  const start = (step: Step): Handle => {
    events.push(`start ${step.name}`);
    running += 1;
    most = Math.max(most, running);
    let end: (result: { code: number; output: string }) => void = () => {};
    const done = new Promise<{ code: number; output: string }>((resolve) => (end = resolve));
    const timer = setTimeout(() => {
      running -= 1;
      events.push(`end ${step.name}`);
      end({ code: plan[step.name].code ?? 0, output: `${step.name} said this\n` });
    }, plan[step.name].ms);
    return {
      done,
      stop: () => {
        clearTimeout(timer);
        running -= 1;
        events.push(`stop ${step.name}`);
        end({ code: 143, output: "" });
      },
    };
  };
  return { start, events, most: () => most };
}

/** Whether a process runs (a zombie, ended but not yet reaped by an init that is slow to, does not). */
function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
  } catch {
    return false;
  }
  const stat = path.join("/proc", String(pid), "stat");
  return !(fs.existsSync(stat) && / Z /.test(fs.readFileSync(stat, "utf8")));
}

const step = (name: string, after?: string[]): Step => ({ name, args: [], ...(after ? { after } : {}) });

describe("npm test's steps (scripts/test-steps.js)", () => {
  test("npm test runs the steps through the timer, and they are every check the README names, jest last", () => {
    const scripts = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> }).scripts;
    expect(scripts["test:steps"]).toBe("node scripts/test-steps.js");
    const npmScripts = [...STEPS, JEST].map((s) => {
      expect(s.args.slice(0, 2)).toEqual(["run", "-s"]);
      return s.args[2];
    });
    // Each step is an npm script that exists, and together they are all of `npm run lint` and the rest.
    for (const name of npmScripts) expect(scripts[name]).toBeDefined();
    expect(scripts.lint).toBe("npm run -s lint:eslint && npm run -s lint:format && npm run -s knip:gate");
    expect(npmScripts.sort()).toEqual(["build", "build:cli", "check:manifest", "knip:gate", "lint:eslint", "lint:format", "test:unit", "typecheck"]);
    expect(scripts["test:unit"]).toBe("jest");
    // The manifest check reads dist/, so it waits for the build.
    expect(STEPS.find((s) => s.name === "check:manifest")?.after).toEqual(["build"]);
    const listed = spawnSync(process.execPath, [SCRIPT, "--list"], { encoding: "utf8" });
    expect(listed.status).toBe(0);
    expect(listed.stdout.trim().split("\n")).toEqual([...STEPS, JEST].map((s) => s.name));
  });

  test("one step a core, at least one, never more than there are steps", () => {
    expect(concurrency(2)).toBe(2);
    expect(concurrency(1)).toBe(1);
    expect(concurrency(0)).toBe(1);
    expect(concurrency(64)).toBe(STEPS.length);
  });

  test("runs as many at once as it is given slots, each step only after the ones it waits for", async () => {
    const fake = fakeStarter({ a: { ms: 40 }, b: { ms: 10 }, c: { ms: 10 }, d: { ms: 5 } });
    const reported: string[] = [];
    const result = await runSteps([step("a"), step("b"), step("c", ["a"]), step("d")], 2, fake.start, (s, code, output) => reported.push(`${s.name} ${code} ${output.trim()}`));
    expect(result.failed).toBeNull();
    expect(result.code).toBe(0);
    expect(fake.most()).toBe(2);
    // c waits for a although it comes before d; d takes b's slot.
    expect(fake.events.indexOf("start c")).toBeGreaterThan(fake.events.indexOf("end a"));
    expect(fake.events.indexOf("start d")).toBeLessThan(fake.events.indexOf("start c"));
    expect(result.times.map((t) => t.name).sort()).toEqual(["a", "b", "c", "d"]);
    expect(reported.sort()).toEqual(["a 0 a said this", "b 0 b said this", "c 0 c said this", "d 0 d said this"]);
  });

  test("a failed step stops the ones running, starts no more, and gives its exit status", async () => {
    const fake = fakeStarter({ slow: { ms: 5_000 }, bad: { ms: 10, code: 2 }, later: { ms: 10 } });
    const reported: string[] = [];
    const result = await runSteps([step("slow"), step("bad"), step("later")], 2, fake.start, (s, code) => reported.push(`${s.name} ${code}`));
    expect(result).toMatchObject({ failed: "bad", code: 2 });
    expect(fake.events).toEqual(["start slow", "start bad", "end bad", "stop slow"]);
    // Only the failure is reported: the stopped step's output says nothing useful.
    expect(reported).toEqual(["bad 2"]);
  });

  test("a step waiting for one that never passes counts as failed, not as passed", async () => {
    const fake = fakeStarter({ a: { ms: 5 } });
    const result = await runSteps([step("a"), step("b", ["missing"])], 2, fake.start);
    expect(result).toMatchObject({ failed: "b", code: 1 });
  });

  test("a real step's output is held whole, stdout and stderr together, with its exit status", async () => {
    const script = "process.stdout.write('out\\n'); process.stderr.write('err\\n'); process.exit(4)";
    const { code, output } = await startHeld({ name: "node", command: process.execPath, args: ["-e", script] }).done;
    expect(code).toBe(4);
    expect(output.split("\n").sort()).toEqual(["", "err", "out"]);
  });

  test("stopping a real step stops what it started too (its process group)", async () => {
    if (process.platform === "win32") return;
    // A step that starts a long-running child and prints its pid, as npm starts the tool.
    const script = "const c = require('child_process').spawn(process.execPath, ['-e', 'setTimeout(() => {}, 60000)'], { stdio: 'ignore' }); console.log(c.pid); setTimeout(() => {}, 60000)";
    const handle = startHeld({ name: "sleeper", command: process.execPath, args: ["-e", script] });
    await new Promise((resolve) => setTimeout(resolve, 1_000));
    handle.stop();
    const { code, output } = await handle.done;
    expect(code).not.toBe(0);
    expect(output).toMatch(/stopped by SIGTERM/);
    const grandchild = Number(output.split("\n")[0]);
    expect(grandchild).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(isRunning(grandchild)).toBe(false);
  });
});
