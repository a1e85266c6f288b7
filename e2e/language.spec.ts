import type { Page } from "@playwright/test";
import { expect, test } from "./fixtures";
import { en, format, municipality, nl } from "./support/portal";

async function expectDutch(page: Page) {
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toHaveText(format(nl.home.title, { municipality: municipality.name }));
}

async function expectEnglish(page: Page) {
  await expect(page.locator("html")).toHaveAttribute("lang", "en");
  await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toHaveText(format(en.home.title, { municipality: municipality.name }));
  await expect(page.getByRole("contentinfo")).toContainText(municipality.openingHours.en);
}

// The language switch is a plain form, so it must work the same with and without JavaScript.
for (const javaScriptEnabled of [true, false]) {
  test(`language switch: Dutch to English and back (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async ({ browser }) => {
    const context = await browser.newContext({ javaScriptEnabled });
    const page = await context.newPage();
    try {
      await page.goto("/");
      await expectDutch(page);

      await page.getByRole("button", { name: nl.frame.switchToLabel }).click();
      await expect(page).toHaveURL(/\/$/);
      await expectEnglish(page);

      // The choice is remembered on the next page.
      await page.goto("/");
      await expectEnglish(page);

      await page.getByRole("button", { name: en.frame.switchToLabel }).click();
      await expectDutch(page);
    } finally {
      await context.close();
    }
  });
}
