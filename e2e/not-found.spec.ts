import { expect, test } from "./fixtures";
import { municipality, nl } from "./support/portal";

// A mistyped address gets a real 404 with a plain Dutch page and a way back, not a blank error.
test("404 page: plain Dutch, status 404, a way back", async ({ page }) => {
  const response = await page.goto("/deze-pagina-bestaat-echt-niet");
  expect(response?.status()).toBe(404);
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 1 })).toHaveText(nl.errors.notFoundTitle);
  await expect(main).toContainText(nl.errors.notFoundText);
  await expect(main.getByRole("link", { name: nl.errors.toHome })).toHaveAttribute("href", "/");
  // The frame, with how to get help, is still there.
  await expect(page.getByRole("contentinfo")).toContainText(municipality.phone);
});
