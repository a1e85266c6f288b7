import { expect, test } from "./fixtures";
import { format, municipality, nl, phoneHref } from "./support/portal";

const pages = [
  { path: "/", heading: format(nl.home.title, { municipality: municipality.name }) },
  { path: "/hulp", heading: nl.help.title },
  { path: "/toegankelijkheid", heading: nl.accessibility.title },
];

// Every page works without JavaScript: the server sends the whole page, frame and all.
test("pages render without JavaScript", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  try {
    for (const { path, heading } of pages) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(200);
      // Proof that no script ran: Next's inline scripts would have created self.__next_f.
      expect(await page.evaluate(() => "__next_f" in self)).toBe(false);
      await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toHaveText(heading);
      await expect(page.getByRole("link", { name: nl.frame.skipLink })).toHaveAttribute("href", "#inhoud");
      await expect(page.getByRole("navigation", { name: nl.frame.mainNav })).toBeVisible();
      await expect(page.getByRole("contentinfo").locator(`a[href="${phoneHref}"]`)).toBeVisible();
    }
    // Links work without JavaScript too: from home to help through the footer.
    await page.goto("/");
    await page.getByRole("contentinfo").getByRole("link", { name: nl.footer.help }).click();
    await expect(page).toHaveURL(/\/hulp$/);
    await expect(page.getByRole("main").getByRole("heading", { level: 1 })).toHaveText(nl.help.title);
  } finally {
    await context.close();
  }
});
