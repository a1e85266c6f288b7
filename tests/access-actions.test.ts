import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { isDefinedAction } from "@/lib/auth/action";

/**
 * Every server action goes through defineAction (authenticate, authorise, validate). This test
 * finds every "use server" module under app/ and lib/ and fails when one of its exports is
 * something else, and when a function declares "use server" inline (which would bypass the wrapper).
 */

const root = path.resolve(__dirname, "..");

function sourceFiles(dir: string): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "node_modules" ? [] : sourceFiles(relative);
    return /\.(ts|tsx)$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [relative] : [];
  });
}

// A module-level directive: the first statement, after comments and blank lines.
function isServerModule(source: string): boolean {
  const code = source.replace(/^(\s|\/\/[^\n]*\n|\/\*[\s\S]*?\*\/)*/, "");
  return /^["']use server["']/.test(code);
}

const files = [...sourceFiles("app"), ...sourceFiles("lib")];
const serverModules = files.filter((file) => isServerModule(readFileSync(path.join(root, file), "utf8")));

describe("server actions", () => {
  it("are found (the search itself works)", () => {
    expect(serverModules).toContain(path.join("lib", "parties", "actions.ts"));
  });

  it.each(serverModules)("%s exports only actions made with defineAction", async (file) => {
    const mod = (await import(path.join(root, file))) as Record<string, unknown>;
    const exports = Object.entries(mod).filter(([name]) => name !== "__esModule");
    expect(exports.length).toBeGreaterThan(0);
    const notWrapped = exports.filter(([, value]) => !isDefinedAction(value)).map(([name]) => name);
    expect(notWrapped, `${file}: these exports are not made with defineAction (lib/auth/action.ts)`).toEqual([]);
  });

  it("are never declared inline with a function-level \"use server\"", () => {
    const inline = files.filter((file) => {
      const source = readFileSync(path.join(root, file), "utf8");
      const directives = source.match(/^\s*["']use server["'];?\s*$/gm) ?? [];
      return directives.length > (isServerModule(source) ? 1 : 0);
    });
    expect(inline, "inline server actions skip the wrapper: move them to a \"use server\" module and use defineAction").toEqual([]);
  });
});
