import { demoProducts } from "../db/seed";
import { expect, test } from "./fixtures";
import { format, municipality, nl, phoneHref } from "./support/portal";

// A resident opens the portal: what can I arrange here, how do I log in, who helps me?
test("home page: what you can arrange, how to log in, where to get help", async ({ page }) => {
  const response = await page.goto("/");
  expect(response?.status()).toBe(200);
  await expect(page.locator("html")).toHaveAttribute("lang", "nl");
  await expect(page).toHaveTitle(new RegExp(municipality.name));

  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 1, name: format(nl.home.title, { municipality: municipality.name }) })).toBeVisible();

  // The products come from the database the server seeded at its first start.
  const arrange = main.getByRole("region", { name: nl.catalogue.home.heading });
  await expect(arrange).toBeVisible();
  for (const product of demoProducts.filter((p) => p.active !== false)) {
    await expect(arrange.getByRole("link", { name: product.nameNl, exact: true })).toHaveAttribute("href", `/producten/${product.slug}`);
  }
  await expect(arrange.getByRole("heading", { level: 3, name: nl.catalogue.topics.wonen })).toBeVisible();

  const login = main.getByRole("region", { name: nl.home.loginHeading });
  await expect(login).toContainText(nl.home.loginResident);
  await expect(login).toContainText(nl.home.loginBusiness);
  await expect(login).toContainText(nl.home.loginNoDigid);

  await expect(main.getByRole("region", { name: nl.home.helpHeading })).toContainText(municipality.phone);

  // Every page ends with how to get help: phone (as a link), counter, opening hours (R24).
  const footer = page.getByRole("contentinfo");
  const phone = footer.getByRole("link", { name: format(nl.footer.phone, { phone: municipality.phone }) });
  await expect(phone).toHaveAttribute("href", phoneHref);
  await expect(footer).toContainText(municipality.counterAddress);
  await expect(footer).toContainText(municipality.openingHours.nl);
});

// Keyboard users skip the header: the first Tab shows the skip link, Enter puts focus on the content.
test("home page: the skip link moves focus to the main content", async ({ page }) => {
  await page.goto("/");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: nl.frame.skipLink });
  await expect(skip).toBeFocused();
  await expect(skip).toBeVisible();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
  await expect(page).toHaveURL(/#inhoud$/);
  // The next Tab continues inside the content or after it, never back in the header.
  await page.keyboard.press("Tab");
  const inHeader = await page.evaluate(() => !!document.activeElement?.closest("header"));
  expect(inHeader).toBe(false);
});
