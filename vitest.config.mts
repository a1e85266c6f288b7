import path from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

const root = path.dirname(fileURLToPath(import.meta.url));

/**
 * Unit tests (pure, anywhere but tests/integration) and integration tests (tests/integration,
 * against PGlite and, with TEST_DATABASE_URL, PostgreSQL). Playwright's e2e/ and the
 * benchmarks in bench/ have their own runners.
 */
export default defineConfig({
  resolve: {
    alias: [
      { find: /^@\//, replacement: `${root}/` },
      // "server-only" throws outside a React Server Components bundle; tests are plain Node.
      { find: /^server-only$/, replacement: path.join(root, "tests/support/empty.ts") },
    ],
  },
  test: {
    environment: "node",
    // Vitest's default is one worker fewer than the cores: one on a 2-core machine. Integration
    // files mostly wait on databases and timers, so two workers finish a run far sooner.
    maxWorkers: 2,
    setupFiles: ["tests/support/setup-env.ts"],
    exclude: ["**/node_modules/**", "**/.next/**", "e2e/**", "bench/**", ".data/**", ".test-data/**"],
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["**/*.test.ts", "**/*.test.tsx"],
          exclude: ["**/node_modules/**", "**/.next/**", "e2e/**", "bench/**", ".data/**", ".test-data/**", "tests/integration/**"],
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["tests/integration/**/*.test.ts", "tests/integration/**/*.test.tsx"],
          globalSetup: ["tests/support/global-setup.ts"],
          // PGlite and pg-boss on one connection are slow to start and to hand over work.
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
    ],
  },
});
