import { defineConfig, globalIgnores } from "eslint/config";
import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

export default defineConfig([
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // app/ and components/ never talk to the database directly: only lib/* does.
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/db", "@/db/*"], message: "Only lib/* may import db/. Use a query or action in lib/<domain>/." }] }],
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
  {
    files: ["lib/**", "db/**", "scripts/**", "bench/**", "e2e/**", "tests/**", "**/*.test.ts", "instrumentation.ts"],
    rules: { "no-restricted-imports": "off" },
  },
  globalIgnores([".next/**", ".next-*/**", "out/**", "build/**", "next-env.d.ts", ".data/**", ".test-data/**", "node_modules/**", "playwright-report/**", "test-results/**", "db/migrations/**", "bench/.work/**"]),
]);
