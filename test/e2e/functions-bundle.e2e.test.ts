/**
 * The built custom functions (dist/functions.js, exactly as Excel loads it) in Debian's chromium,
 * around a stand-in for Excel's CustomFunctions runtime that records `associate` (#11): exactly the
 * ids of the built functions.json are associated, each with a function, and each answers the
 * methodology's test vectors when called with the argument shapes Excel passes: numbers, 2-D arrays
 * for ranges, null for an omitted argument, error values (CustomFunctions.Error objects) in a range.
 */
import * as fs from "fs";
import * as path from "path";
import type { Page } from "playwright-core";
import { startStaticServer } from "../support/static-server";
import type { StaticServer } from "../support/static-server";
import { DIST, describeInBrowser, launchTestBrowser } from "../support/browser";
import type { TestBrowser } from "../support/browser";
import { CUSTOM_FUNCTIONS_RUNTIME, type AssociatedFunction } from "../support/custom-functions-runtime";

const { suite, missing } = describeInBrowser("the functions bundle browser test", ["functions.js", "functions.json"]);

jest.setTimeout(60_000);

type Outcome = { ok: true; value: number } | { ok: false; isCustomFunctionsError: boolean; code: string; message: string };

suite("the built functions.js in a browser with a simulated CustomFunctions runtime", () => {
  let server: StaticServer;
  let test_: TestBrowser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    if (missing.length > 0) throw new Error(`Cannot run the functions bundle browser test: missing ${missing.join("; ")}.`);
    server = await startStaticServer(DIST);
    test_ = await launchTestBrowser();
    page = await test_.context.newPage();
    page.on("pageerror", (error) => pageErrors.push(error.message));
    await page.route(`${server.url}functions-host.html`, (route) =>
      route.fulfill({
        contentType: "text/html",
        body: '<!doctype html><html><head><script src="runtime.js"></script><script src="functions.js"></script></head><body></body></html>',
      }),
    );
    await page.route(`${server.url}runtime.js`, (route) =>
      route.fulfill({ contentType: "text/javascript", body: CUSTOM_FUNCTIONS_RUNTIME }),
    );
    await page.goto(`${server.url}functions-host.html`);
    await page.waitForFunction(() => (window as unknown as { __associated: unknown[] }).__associated.length > 0);
  });

  afterAll(async () => {
    await test_?.browser.close();
    await server?.close();
  });

  const call = (id: string, ...args: unknown[]) =>
    page.evaluate(
      ([fn, list]) => (window as unknown as { __call: (id: string, args: unknown[]) => Outcome }).__call(fn as string, list as unknown[]),
      [id, args] as const,
    );
  const value = async (id: string, ...args: unknown[]) => {
    const outcome = await call(id, ...args);
    if (!outcome.ok) throw new Error(`${id} failed: ${outcome.code} ${outcome.message}`);
    return outcome.value;
  };

  test("associates exactly the ids of the built functions.json, each with a function", async () => {
    const metadata = JSON.parse(fs.readFileSync(path.join(DIST, "functions.json"), "utf8")) as { functions: Array<{ id: string }> };
    const associated = await page.evaluate(() => (window as unknown as { __associated: AssociatedFunction[] }).__associated);
    expect(associated.map((entry) => entry.id).sort()).toEqual(metadata.functions.map((fn) => fn.id).sort());
    expect(new Set(associated.map((entry) => entry.id)).size).toBe(associated.length);
    expect(associated.every((entry) => entry.kind === "function")).toBe(true);
  });

  test("VFM.TARGET answers the methodology's vectors, with null for the omitted method", async () => {
    expect(await value("TARGET", 15246, 0.03, 3, null)).toBeCloseTo(1413.715842, 9);
    expect(await value("TARGET", 1, 0.03, 1, null)).toBeCloseTo(0.03, 12);
    expect(await value("TARGET", 1, 0.03, 2, null)).toBeCloseTo(0.0609, 12);
    expect(await value("TARGET", 1, 0.03, 3, null)).toBeCloseTo(0.092727, 12);
    expect(await value("TARGET", 86000, 0.025, 3, "simple")).toBeCloseTo(6450, 9);
  });

  test("VFM.DEFLATE answers the shipped March 2026 series' vector", async () => {
    expect(await value("DEFLATE", 1, "2004-05", "2024-25", null)).toBeCloseTo(100 / 59.7172, 9);
    // A two-column range (year, index) as Excel passes it: a 2-D array.
    expect(
      await value("DEFLATE", 10, 2008, 2009, [
        [2008, 2],
        [2009, 3],
      ]),
    ).toBeCloseTo(15, 12);
  });

  test("VFM.NETGAIN sums 2-D ranges, counts blanks as 0, and takes null for omitted arguments", async () => {
    expect(await value("NETGAIN", [[500, 250]], [[80]], "Amber")).toBeCloseTo(295, 12);
    expect(await value("NETGAIN", [[500], [null]], null, null)).toBe(500);
    expect(await value("NETGAIN", [[0.1, 0.2]], null, null)).toBe(0.3);
  });

  test("bad input is an Excel error value with a one-line message, never a number or a raw exception", async () => {
    const rate = await call("TARGET", 15246, 3, 3, null);
    expect(rate).toMatchObject({ ok: false, isCustomFunctionsError: true, code: "#NUM!" });
    expect((rate as { message: string }).message).toMatch(/^rate must be a fraction such as 3% or 0\.03, not 3/);
    expect(await call("NETGAIN", [[100, { error: "#DIV/0!" }]], null, null)).toMatchObject({
      ok: false,
      isCustomFunctionsError: true,
      code: "#VALUE!",
      message: expect.stringMatching(/#DIV\/0!/),
    });
    expect(await call("NETGAIN", [[100, "n/a"]], null, null)).toMatchObject({ ok: false, code: "#VALUE!" });
    expect(await call("DEFLATE", 1, "2008-13", 2010, null)).toMatchObject({ ok: false, code: "#VALUE!" });
    expect(await call("DEFLATE", 1, 1900, 2010, null)).toMatchObject({ ok: false, code: "#N/A" });
    for (const outcome of [rate]) expect((outcome as { message: string }).message).not.toMatch(/\n/);
  });

  test("the bundle ran without a script error and sent nothing anywhere", () => {
    expect(pageErrors).toEqual([]);
    expect(test_.foreignRequests).toEqual([]);
  });
});
