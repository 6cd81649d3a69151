// Three tiers, one command: unit (pure rules, no I/O), integration (a service against the
// real MariaDB and NATS), e2e (the whole federation through the gateway).
const swc = [
  "@swc/jest",
  {
    jsc: {
      parser: { syntax: "typescript", decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true },
      target: "es2022",
      keepClassNames: true,
    },
    module: { type: "commonjs" },
  },
];

const shared = {
  rootDir: __dirname,
  testEnvironment: "node",
  transform: { "^.+\\.ts$": swc },
  moduleNameMapper: {
    "^@onestop/([a-z-]+)$": ["<rootDir>/packages/$1/src", "<rootDir>/services/$1/src/main.ts"],
  },
  watchPathIgnorePatterns: ["/dist/"],
  modulePathIgnorePatterns: ["<rootDir>/services/[^/]+/dist/", "<rootDir>/packages/[^/]+/dist/"],
};

module.exports = {
  // A global option: jest ignores it inside a project. Integration and e2e set-ups start
  // services and wait for events, which on a loaded 2-core machine can take a while.
  testTimeout: 60_000,
  // Every test file has its own databases and NATS namespace, so two run side by side: most of
  // a file's time is waiting on events and the browser, not CPU. A worker grown past 3 GB
  // (services and chromium started and stopped by file after file) is replaced between files.
  maxWorkers: 2,
  workerIdleMemoryLimit: "3GB",
  projects: [
    {
      ...shared,
      displayName: "unit",
      // The portal's tests import its ES-module sources by their .js names.
      moduleNameMapper: { ...shared.moduleNameMapper, "^(\\.{1,2}/.*/src/.*)\\.js$": "$1" },
      testMatch: ["<rootDir>/{packages,services}/*/test/unit/**/*.test.ts", "<rootDir>/apps/portal/test/unit/**/*.test.ts", "<rootDir>/test/workspace/**/*.test.ts"],
    },
    {
      ...shared,
      displayName: "integration",
      testMatch: ["<rootDir>/{packages,services}/*/test/integration/**/*.test.ts"],
      globalSetup: "<rootDir>/test/global-setup.js",
    },
    {
      ...shared,
      displayName: "e2e",
      testMatch: ["<rootDir>/test/e2e/**/*.test.ts"],
      globalSetup: "<rootDir>/test/global-setup.js",
    },
    {
      // The portal in Debian's chromium (playwright-core), served by the real system's gateway.
      ...shared,
      displayName: "browser",
      testMatch: ["<rootDir>/apps/portal/test/browser/**/*.test.ts"],
      // Describes a failed test's pages (screenshot, notices, GraphQL errors) into the log.
      testEnvironment: "<rootDir>/test/support/browser-environment.js",
      globalSetup: "<rootDir>/test/global-setup.js",
    },
  ],
};
