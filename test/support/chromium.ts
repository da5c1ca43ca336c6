/**
 * Debian's Chromium and the flags every browser test and the bench launch it with. No test-runner
 * globals here, so the bench (compiled without jest's types) shares it with the tests.
 */
export const CHROMIUM = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--no-first-run",
];
