import type { Browser, BrowserContext, Page } from "@playwright/test";

/**
 * Logged-in browser states for the access specs, made the way a user logs in: the DigiD
 * simulator for residents, the staff login with the seeded demo accounts for staff. Each is
 * made once per worker and reused through Playwright's storage state (the session cookie).
 */

export const DEMO_STAFF = {
  balie: "balie@voorbeeldstad.example",
  behandelaar: "behandelaar@voorbeeldstad.example",
  beheerder: "beheerder@voorbeeldstad.example",
} as const;
export const DEMO_STAFF_PASSWORD = "Demo-wachtwoord-2026";

export type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

/** A random valid BSN (elfproef), so parallel tests never share a resident. */
export function randomBsn(): string {
  for (;;) {
    const digits = Array.from({ length: 8 }, (_, i) => (i === 0 ? 1 + Math.floor(Math.random() * 9) : Math.floor(Math.random() * 10)));
    const sum = digits.reduce((total, digit, i) => total + (9 - i) * digit, 0);
    const last = sum % 11;
    if (last <= 9) return digits.join("") + String(last);
  }
}

async function submitFormWith(page: Page, fieldSelector: string): Promise<void> {
  await page.locator("form", { has: page.locator(fieldSelector) }).locator('button[type="submit"]').click();
  await page.waitForURL((url) => !url.pathname.startsWith("/inloggen"), { timeout: 15_000 });
}

/** Logs a resident in through the DigiD simulator on the given page. */
export async function loginResident(page: Page, bsn: string, level = "substantieel"): Promise<void> {
  await page.goto("/inloggen/digid-simulator");
  await page.locator("#bsn").fill(bsn);
  await page.locator(`input[name="niveau"][value="${level}"]`).check();
  await submitFormWith(page, "#bsn");
}

/** Logs a demo staff member in with the password form on the given page. */
export async function loginStaff(page: Page, email: string): Promise<void> {
  await page.goto("/inloggen/medewerker");
  await page.locator("#email").fill(email);
  await page.locator("#wachtwoord").fill(DEMO_STAFF_PASSWORD);
  await submitFormWith(page, "#wachtwoord");
}

/** The storage state (session cookie) after a login done in a context of its own. */
export async function loggedInState(browser: Browser, login: (page: Page) => Promise<void>): Promise<StorageState> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    await login(page);
    return await context.storageState();
  } finally {
    await context.close();
  }
}
