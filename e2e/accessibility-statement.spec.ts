import { expect, test } from "./fixtures";
import { municipality, nl } from "./support/portal";

// The accessibility statement (R27) is one click from every page and says how to report a problem.
test("accessibility statement: reachable from the footer, standard, status and how to report", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("contentinfo").getByRole("link", { name: nl.footer.accessibility }).click();
  await expect(page).toHaveURL(/\/toegankelijkheid$/);

  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 1 })).toHaveText(nl.accessibility.title);
  for (const heading of [nl.accessibility.standardHeading, nl.accessibility.statusHeading, nl.accessibility.reportHeading]) {
    await expect(main.getByRole("heading", { level: 2, name: heading })).toBeVisible();
  }
  await expect(main).toContainText("WCAG 2.1");
  await expect(main).toContainText(municipality.phone);
  await expect(main).toContainText(municipality.email);
});
