import { expect, test } from "./fixtures";
import { municipality, nl, phoneHref } from "./support/portal";

// Someone who is stuck looks for help: the help page says how to call, visit or mail.
test("help and contact: phone, counter, mail, help from an employee", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: nl.frame.mainNav }).getByRole("link", { name: nl.frame.navHelp }).click();
  await expect(page).toHaveURL(/\/hulp$/);
  await expect(page).toHaveTitle(new RegExp(nl.help.title));

  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 1 })).toHaveText(nl.help.title);
  for (const heading of [nl.help.phoneHeading, nl.help.counterHeading, nl.help.emailHeading, nl.help.assistedHeading]) {
    await expect(main.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  }
  await expect(main).toContainText(municipality.phone);
  await expect(main.locator(`a[href="${phoneHref}"]`).first()).toBeVisible();
  await expect(main).toContainText(municipality.counterAddress);
  await expect(main).toContainText(municipality.email);
});
