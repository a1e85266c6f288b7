import { test as plain, expect, type BrowserContext } from "@playwright/test";
import { AccessibilityWatch, AxeChecker } from "./fixtures";

/**
 * A check of the checker: the automatic axe fixture must really find problems, also on pages
 * shown without JavaScript and after client-side navigation. Uses Playwright's plain `test`
 * on purpose (the page here is broken on purpose); every other spec imports ./fixtures.
 */

const BROKEN_PAGE = `<!doctype html>
<html><head></head><body>
  <img src="/nergens.png">
  <noscript><img src="/ook-nergens.png"></noscript>
  <p style="color:#b0b0b0;background:#ffffff">Lichtgrijs op wit is te slecht te lezen.</p>
</body></html>`;

async function serveBrokenPage(context: BrowserContext, baseURL: string) {
  await context.route(`${baseURL}/axe-zelftest`, (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: BROKEN_PAGE }));
}

function ruleIds(watch: AccessibilityWatch): string[] {
  return watch.checks.flatMap((c) => c.violations.map((v) => v.id)).sort();
}

plain("the accessibility check finds problems, with JavaScript on and off", async ({ browser, baseURL }) => {
  const checker = new AxeChecker(browser);
  try {
    for (const javaScriptEnabled of [true, false]) {
      const watch = new AccessibilityWatch(checker);
      const context = await browser.newContext({ javaScriptEnabled });
      await watch.watchContext(context, javaScriptEnabled);
      await serveBrokenPage(context, baseURL!);
      const page = await context.newPage();
      await page.goto("/axe-zelftest");
      await context.close();
      await watch.settle();

      expect(watch.checks).toHaveLength(1);
      expect(ruleIds(watch)).toEqual(["color-contrast", "document-title", "html-has-lang", "image-alt"]);
      // Without JavaScript the <noscript> image is shown too, so it is checked too.
      const images = watch.checks[0]!.violations.find((v) => v.id === "image-alt")!.nodes.length;
      expect(images).toBe(javaScriptEnabled ? 1 : 2);
      expect(watch.report()).toContain("/axe-zelftest (after load)");
    }
  } finally {
    await checker.close();
  }
});

plain("the accessibility check follows client-side navigation", async ({ browser, baseURL }) => {
  const checker = new AxeChecker(browser);
  try {
    const watch = new AccessibilityWatch(checker);
    const context = await browser.newContext();
    await watch.watchContext(context, true);
    await context.route(`${baseURL}/axe-zelftest`, (route) =>
      route.fulfill({ contentType: "text/html; charset=utf-8", body: `<!doctype html><html lang="nl"><head><title>Goed</title></head><body><main><h1>Goed</h1></main></body></html>` }),
    );
    const page = await context.newPage();
    await page.goto("/axe-zelftest");
    // What a client-side router does: new content, new address, no new document.
    await page.evaluate(() => {
      document.querySelector("main")!.innerHTML = "<h1>Nieuw</h1><button></button>";
      history.pushState({}, "", "/axe-zelftest/verder");
    });
    await expect.poll(() => watch.checks.length, { timeout: 30_000 }).toBe(2);
    await context.close();
    await watch.settle();

    expect(watch.checks.map((c) => [new URL(c.url).pathname, c.trigger])).toEqual([
      ["/axe-zelftest", "load"],
      ["/axe-zelftest/verder", "client navigation"],
    ]);
    expect(watch.checks[0]!.violations).toEqual([]);
    expect(watch.checks[1]!.violations.map((v) => v.id)).toEqual(["button-name"]);
  } finally {
    await checker.close();
  }
});
