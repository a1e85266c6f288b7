import { expect, test } from "./fixtures";

/**
 * Security headers (proxy.ts, next.config.ts): a Content-Security-Policy whose nonce is fresh per
 * response and on every script Next renders, no framing, and no HSTS over plain http.
 */
test("pages carry a CSP with a fresh nonce on every script, and the fixed security headers", async ({ page }) => {
  const first = await page.goto("/");
  const headers = first!.headers();
  const csp = headers["content-security-policy"] ?? "";
  const nonce = /'nonce-([^']+)'/.exec(csp)?.[1];
  expect(nonce).toBeTruthy();
  for (const directive of ["default-src 'self'", "frame-ancestors 'none'", "object-src 'none'", "base-uri 'self'", "form-action 'self'"]) {
    expect(csp).toContain(directive);
  }
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBeTruthy();
  expect(headers["permissions-policy"]).toBeTruthy();
  // The test server runs on http: HSTS would be wrong there.
  expect(headers["strict-transport-security"]).toBeUndefined();

  const scripts = await page.locator("script").evaluateAll((elements) => elements.map((e) => (e as HTMLScriptElement).nonce));
  expect(scripts.length).toBeGreaterThan(0);
  expect(scripts.every((n) => n === nonce)).toBe(true);

  const second = await page.goto("/hulp");
  expect(second!.headers()["content-security-policy"]).not.toContain(`'nonce-${nonce}'`);
});
