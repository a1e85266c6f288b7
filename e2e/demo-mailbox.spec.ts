import { expect, test } from "./fixtures";
import { nl } from "./support/portal";

// In demo mode no mail leaves the machine; the demo mailbox shows what would have been sent.
test("demo mailbox: linked from the menu and shown in demo mode", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: nl.frame.mainNav }).getByRole("link", { name: nl.frame.demoMailbox }).click();
  await expect(page).toHaveURL(/\/demo\/postvak$/);
  const main = page.getByRole("main");
  await expect(main.getByRole("heading", { level: 1 })).toHaveText(nl.demoMailbox.title);
  await expect(main).toContainText(nl.demoMailbox.intro);

  const response = await page.goto("/demo/postvak");
  expect(response?.status()).toBe(200);
});
