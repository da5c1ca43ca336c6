/** Unit, component, adapter and end-to-end tests. Component tests opt into jsdom with a docblock. */
module.exports = {
  testEnvironment: "node",
  roots: ["<rootDir>/test"],
  testMatch: ["**/*.test.ts", "**/*.test.tsx"],
  transform: {
    "^.+\\.tsx?$": ["ts-jest", { tsconfig: "tsconfig.json", diagnostics: false }],
  },
  moduleNameMapper: {
    "^office-addin-manifest$": "<rootDir>/node_modules/office-addin-manifest/lib/officeApp.js",
    "\\.(css)$": "<rootDir>/test/support/style-stub.js",
  },
  testTimeout: 30000,
  // Jest's default is one worker fewer than the cores: one worker on the 2-core machines CI and most
  // reviewers have. The browser and CLI tests spend much of their time waiting on Chromium and child
  // processes, so two workers keep both cores busy (jest 218 s -> 151 s on this 2-core machine).
  maxWorkers: 2,
};
