import { randomUUID } from "node:crypto";
import { rolePermissions } from "../lib/auth/policy";
import { expect, test } from "./fixtures";
import { DEMO_STAFF, loggedInState, loginResident, loginStaff, randomBsn, type StorageState } from "./support/access-sessions";
import { pageAccess, type RouteAccess } from "./support/route-access";
import { NOT_FOUND_PATH } from "../lib/http/not-found-path";

/**
 * Access to every page, generated from the manifest (e2e/support/route-access.ts; a unit test
 * makes sure every page is in it): anonymous visitors are sent to the right login page, and a
 * resident, a counter employee and an admin each get "not found" (404, never 403) for what is
 * not theirs. Dynamic segments get a random id, which must be "not found" too.
 */

type Visitor = "anonymous" | "resident" | "balie" | "beheerder";

const protectedPages = Object.entries(pageAccess).filter((entry): entry is [string, Exclude<RouteAccess, "public">] => entry[1] !== "public");

/** The path to visit: every dynamic segment filled with a random uuid (nobody's record). */
function visitPath(route: string): { path: string; dynamic: boolean } {
  let dynamic = false;
  const path = route.replace(/\[(\.\.\.)?[^\]]+\]/g, () => {
    dynamic = true;
    return randomUUID();
  });
  return { path, dynamic };
}

/** What a visitor must get: a redirect to a login page, "not found", or the page itself. */
function expected(visitor: Visitor, access: Exclude<RouteAccess, "public">, dynamic: boolean): { login: string } | 404 | 200 {
  const found = dynamic ? 404 : 200;
  if (access === "party") {
    if (visitor === "anonymous") return { login: "/inloggen" };
    return visitor === "resident" ? found : 404;
  }
  if (access === "staff-session") {
    return visitor === "balie" || visitor === "beheerder" ? found : { login: "/inloggen/medewerker" };
  }
  if (visitor === "anonymous") return { login: "/inloggen/medewerker" };
  if (visitor === "resident") return 404;
  return rolePermissions[visitor].includes(access.staff) ? found : 404;
}

// Logging in takes a few seconds on the embedded database.
test.describe.configure({ timeout: 60_000 });

for (const visitor of ["anonymous", "resident", "balie", "beheerder"] as const) {
  test.describe(`access as ${visitor}`, () => {
    let state: StorageState | undefined;
    // Logged in outside the tests: the login pages are checked by the login specs, these tests check access.
    test.beforeAll(async ({ browser }) => {
      if (visitor === "resident") state = await loggedInState(browser, (page) => loginResident(page, randomBsn()));
      else if (visitor !== "anonymous") state = await loggedInState(browser, (page) => loginStaff(page, DEMO_STAFF[visitor]));
    });

    for (const [route, access] of protectedPages) {
      test(`${route} (${typeof access === "string" ? access : access.staff})`, async ({ browser }) => {
        const { path, dynamic } = visitPath(route);
        const want = expected(visitor, access, dynamic);
        const context = await browser.newContext(state ? { storageState: state } : {});
        try {
          const page = await context.newPage();
          const response = await page.goto(path);
          const url = new URL(page.url());
          if (typeof want === "object") {
            expect(url.pathname, `${visitor} on ${path} is sent to log in`).toBe(want.login);
            expect(url.searchParams.get("terug")).toBe(path);
          } else if (want === 404) {
            // Not found answers by a redirect to a path no route matches, so the 404 page is rendered on the server (lib/http/not-found.ts).
            expect([path, NOT_FOUND_PATH], `${visitor} on ${path} is told the page does not exist`).toContain(url.pathname);
            expect(response?.status(), `${visitor} on ${path}`).toBe(404);
            await expect(page.getByRole("heading", { level: 1 })).toHaveText(/bestaat niet/);
          } else {
            expect(url.pathname, `${visitor} on ${path} stays on the page`).toBe(path);
            expect(response?.status(), `${visitor} on ${path}`).toBe(want);
          }
        } finally {
          await context.close();
        }
      });
    }
  });
}
