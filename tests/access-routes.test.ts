import { readdirSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { pageAccess, routeHandlerAccess, routePathOf } from "../e2e/support/route-access";

/**
 * Every page and route handler is classified in the access manifest (e2e/support/route-access.ts),
 * which e2e/access.spec.ts checks in the browser: a new route without a classification fails here.
 */

const root = path.resolve(__dirname, "..");

function filesNamed(dir: string, pattern: RegExp): string[] {
  return readdirSync(path.join(root, dir), { withFileTypes: true }).flatMap((entry) => {
    const relative = path.join(dir, entry.name);
    if (entry.isDirectory()) return entry.name.startsWith("_") ? [] : filesNamed(relative, pattern);
    return pattern.test(entry.name) ? [relative] : [];
  });
}

const pages = filesNamed("app", /^page\.(tsx|ts|jsx|js)$/).map(routePathOf).sort();
const handlers = filesNamed("app", /^route\.(ts|js)$/).map(routePathOf).sort();

describe("access manifest", () => {
  it("knows how to name routes", () => {
    expect(routePathOf("app/(public)/page.tsx")).toBe("/");
    expect(routePathOf("app/(staff)/balie/partij/[id]/page.tsx")).toBe("/balie/partij/[id]");
    expect(pages).toContain("/");
  });

  it("classifies every page (add new pages to e2e/support/route-access.ts)", () => {
    expect(pages.filter((p) => !(p in pageAccess))).toEqual([]);
  });

  it("classifies every route handler", () => {
    expect(handlers.filter((p) => !(p in routeHandlerAccess))).toEqual([]);
  });

  it("lists no routes that are gone", () => {
    expect(Object.keys(pageAccess).filter((p) => !pages.includes(p))).toEqual([]);
    expect(Object.keys(routeHandlerAccess).filter((p) => !handlers.includes(p))).toEqual([]);
  });
});
