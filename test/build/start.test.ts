/** `npm start` (scripts/start.js, #11): a port in use is said in one line with how to choose another, before anything is built. */
import { spawn, spawnSync } from "node:child_process";
import * as net from "node:net";
import * as path from "node:path";

// eslint-disable-next-line @typescript-eslint/no-require-imports -- a plain Node script
const start = require("../../scripts/start.js") as {
  parseOptions(argv: string[], env?: Record<string, string | undefined>): { http?: boolean; port?: number; error?: string };
  portInUseMessage(port: number): string;
};
const SCRIPT = path.resolve(__dirname, "../../scripts/start.js");

function listen(): Promise<{ port: number; close: () => Promise<void> }> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.listen(0, "localhost", () => {
      const port = (server.address() as net.AddressInfo).port;
      resolve({ port, close: () => new Promise((done) => server.close(() => done())) });
    });
  });
}

describe("npm start", () => {
  test("with its port taken, says so in one line with how to choose another, and exits 1 without building", async () => {
    const taken = await listen();
    try {
      const started = Date.now();
      const run = await new Promise<{ status: number | null; stdout: string; stderr: string }>((resolve) => {
        const child = spawn(process.execPath, [SCRIPT, "--http", "--port", String(taken.port)], { env: { ...process.env, PORT: "" } });
        let stdout = "";
        let stderr = "";
        child.stdout.on("data", (chunk: Buffer) => (stdout += chunk));
        child.stderr.on("data", (chunk: Buffer) => (stderr += chunk));
        const timer = setTimeout(() => child.kill("SIGKILL"), 20_000);
        child.on("exit", (status) => {
          clearTimeout(timer);
          resolve({ status, stdout, stderr });
        });
      });
      expect(run.status).toBe(1);
      expect(run.stderr).toBe(`start: ${start.portInUseMessage(taken.port)}\n`);
      expect(run.stderr).toMatch(new RegExp(`port ${taken.port} is already in use.*npm start -- --port ${taken.port + 1}`));
      expect(run.stderr).not.toMatch(/\n\s+at |Error:/);
      expect(run.stdout).toBe("");
      expect(Date.now() - started).toBeLessThan(15_000);
    } finally {
      await taken.close();
    }
  });

  test("the port comes from --port, else $PORT, else 3000; a bad one is a usage error", () => {
    expect(start.parseOptions([], {})).toEqual({ http: false, port: 3000 });
    expect(start.parseOptions(["--port", "3001"], {})).toEqual({ http: false, port: 3001 });
    expect(start.parseOptions(["--port=8080", "--http"], {})).toEqual({ http: true, port: 8080 });
    expect(start.parseOptions([], { PORT: "4000" })).toEqual({ http: false, port: 4000 });
    expect(start.parseOptions(["--port", "70000"], {}).error).toMatch(/1 to 65535/);
    expect(start.parseOptions(["--port"], {}).error).toMatch(/needs a number/);
    expect(start.parseOptions(["--verbose"], {}).error).toBe("unknown option --verbose");
    const bad = spawnSync(process.execPath, [SCRIPT, "--port", "abc"], { encoding: "utf8", env: { ...process.env, PORT: "" } });
    expect(bad.status).toBe(2);
    expect(bad.stderr).toBe('start: the port must be a number from 1 to 65535, not "abc"\nusage: npm start [-- --http] [-- --port N]\n');
  });
});
