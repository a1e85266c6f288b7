import type { Page } from "@playwright/test";
import { expect } from "@playwright/test";
import { nl } from "./portal";

/** Opens the newest mail to this address with this subject in the demo mailbox (waiting for the worker to send it); returns its text version. */
export async function openMailTo(page: Page, address: string, subject: string): Promise<string> {
  await expect(async () => {
    await page.goto("/demo/postvak");
    await expect(page.getByRole("row").filter({ hasText: address }).filter({ hasText: subject }).first()).toBeVisible({ timeout: 1_000 });
  }).toPass({ timeout: 30_000 });
  await page.getByRole("row").filter({ hasText: address }).filter({ hasText: subject }).first().getByRole("link").click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(subject);
  return (await page.locator("pre").first().textContent()) ?? "";
}

/** A logged-in resident sets a new e-mail address, verifies it from the demo mailbox, and receives these kinds of message digitally. Returns the address. */
export async function setVerifiedEmail(page: Page, kinds: (keyof typeof nl.notifications.kinds)[]): Promise<string> {
  const s = nl.notifications.settings;
  const address = `inwoner-${Date.now()}-${Math.floor(Math.random() * 1e6)}@example.org`;
  await page.goto("/mijn/instellingen");
  await page.getByRole("textbox", { name: s.emailLabel }).fill(address);
  await page.getByRole("button", { name: s.saveEmail }).click();
  await expect(page.getByRole("status").filter({ hasText: s.notices["email-verification-sent"]! })).toBeVisible();
  const text = await openMailTo(page, address, "Bevestig uw e-mailadres");
  const link = text.match(/http\S+\/email-bevestigen\?code=[A-Za-z0-9_-]+/)?.[0];
  expect(link).toBeTruthy();
  await page.goto(new URL(link!).pathname + new URL(link!).search);
  await page.getByRole("button", { name: nl.notifications.verify.submit }).click();
  await expect(page.getByRole("status").filter({ hasText: nl.notifications.verify.verified })).toBeVisible();
  await page.goto("/mijn/instellingen");
  for (const kind of kinds) await page.getByRole("checkbox", { name: nl.notifications.kinds[kind] }).check();
  await page.getByRole("button", { name: s.saveConsent }).click();
  await expect(page.getByRole("status").filter({ hasText: s.notices["consent-saved"]! })).toBeVisible();
  return address;
}
