/**
 * Starts the check worker. Its own module, loaded only where Worker exists: webpack turns the
 * `new Worker(new URL(...), import.meta.url)` below into a separate worker bundle, which the
 * TypeScript settings the tests use (CommonJS) cannot express.
 */
export function startCheckWorker(): Worker {
  // @ts-expect-error -- import.meta is fine for webpack (ES modules, transpile only); tsc's CommonJS setting objects to it.
  return new Worker(new URL(/* webpackChunkName: "check-worker" */ "./check-worker.ts", import.meta.url));
}
