import AxeBuilder from "@axe-core/playwright";
import { test as base, expect, type Browser, type BrowserContext, type Page, type TestInfo } from "@playwright/test";
import { findBsns, maskForReport } from "./support/bsn-guard";

/**
 * The `test` every spec imports. It checks every page a test visits with axe (WCAG 2.1 A and
 * AA) and fails the test with the list of violations. Nothing in a spec has to ask for it:
 *
 * - every document load (goto, link, form post and redirect, reload) is checked on `load`;
 * - client-side navigations (Next's <Link> with JavaScript on) are checked once the new page
 *   has rendered;
 * - contexts a test makes itself (`browser.newContext()`, for instance with JavaScript off) are
 *   watched the same way.
 *
 * How: at each of those moments the page's DOM is copied at once (one quick call, so a test
 * that moves on straight away cannot outrun it), and axe runs on that copy in a separate
 * context, served at the page's own address so its stylesheets and images load. That way the
 * test never waits for axe, and pages shown with JavaScript off (where axe itself cannot run)
 * are checked exactly as the visitor saw them. The checks are awaited when the test ends.
 */

export const WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"];

type Violation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

interface Snapshot {
  url: string;
  trigger: "load" | "client navigation";
  html: string;
  viewport: { width: number; height: number } | null;
  javaScriptEnabled: boolean;
}

interface PageCheck {
  url: string;
  trigger: Snapshot["trigger"];
  violations: Violation[];
  error?: string;
}

const CHECK_TIMEOUT_MS = 20_000;
const CLIENT_NAVIGATION_BINDING = "__portalAxeClientNavigation";

// Runs in every document with JavaScript on: tells the test when the app changed the URL
// without loading a new document (Next's client-side navigation), once the new page is painted.
const CLIENT_NAVIGATION_SCRIPT = `(() => {
  let last = location.pathname + location.search;
  const notify = () => {
    const now = location.pathname + location.search;
    if (now === last) return;
    last = now;
    requestAnimationFrame(() => setTimeout(() => { window.${CLIENT_NAVIGATION_BINDING}?.(); }, 100));
  };
  for (const name of ["pushState", "replaceState"]) {
    const original = history[name];
    history[name] = function (...args) { const result = original.apply(this, args); notify(); return result; };
  }
  addEventListener("popstate", notify);
})();`;

// The copy must look like the page did: no scripts may run in it (they would hydrate and change
// it). A page shown with JavaScript off rendered its <noscript> content, so the copy shows that.
function prepareCopy(snapshot: Snapshot): string {
  let html = snapshot.html.replace(/<script\b[\s\S]*?<\/script>/gi, "");
  if (!snapshot.javaScriptEnabled) html = html.replace(/<\/?noscript\b[^>]*>/gi, "");
  return html;
}

/** Shows page copies in a context of its own and runs axe on them, one at a time. One per worker. */
export class AxeChecker {
  private current: Snapshot | undefined;
  private ready: Promise<{ context: BrowserContext; page: Page }> | undefined;
  private queue: Promise<unknown> = Promise.resolve();
  private readonly newContext: Browser["newContext"];

  constructor(browser: Browser) {
    // Taken now, before a test wraps browser.newContext, so the checking context is not watched itself.
    this.newContext = browser.newContext.bind(browser);
  }

  private open() {
    this.ready ??= (async () => {
      const context = await this.newContext({ javaScriptEnabled: true });
      const page = await context.newPage();
      await context.route("**/*", async (route) => {
        const request = route.request();
        if (request.isNavigationRequest() && request.frame() === page.mainFrame() && this.current) {
          await route.fulfill({ status: 200, contentType: "text/html; charset=utf-8", body: prepareCopy(this.current) });
        } else if (request.resourceType() === "script") {
          await route.abort();
        } else {
          await route.continue();
        }
      });
      return { context, page };
    })();
    return this.ready;
  }

  /** Checks one copy; never throws (a check that cannot run is reported as such). */
  check(snapshot: Snapshot): Promise<PageCheck> {
    const result = this.queue.then(() => this.run(snapshot));
    this.queue = result;
    return result;
  }

  private async run(snapshot: Snapshot): Promise<PageCheck> {
    const debug = process.env.E2E_DEBUG_AXE ? (...a: unknown[]) => console.log("[axe]", snapshot.trigger, snapshot.url, ...a) : () => {};
    const started = Date.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      const { page } = await this.open();
      this.current = snapshot;
      if (snapshot.viewport) await page.setViewportSize(snapshot.viewport);
      await page.goto(snapshot.url.split("#")[0]!, { waitUntil: "load" });
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`axe did not finish within ${CHECK_TIMEOUT_MS / 1000} s`)), CHECK_TIMEOUT_MS);
      });
      // Legacy mode runs axe in the page itself; the copy has no frames of its own that need more.
      const results = await Promise.race([new AxeBuilder({ page }).withTags(WCAG_TAGS).setLegacyMode(true).analyze(), timeout]);
      debug(`${results.violations.length} violation(s), ${Date.now() - started} ms`);
      return { url: snapshot.url, trigger: snapshot.trigger, violations: results.violations };
    } catch (error) {
      debug("error:", (error as Error).message);
      return { url: snapshot.url, trigger: snapshot.trigger, violations: [], error: (error as Error).message.split("\n")[0] };
    } finally {
      clearTimeout(timer);
    }
  }

  /** Closes the checking context. */
  async close(): Promise<void> {
    if (this.ready) await (await this.ready).context.close();
  }
}

/** Watches browser contexts and runs axe on a copy of every page shown in them. */
export class AccessibilityWatch {
  readonly checks: PageCheck[] = [];
  private readonly contexts = new Map<BrowserContext, boolean>();
  private readonly pages = new Set<Page>();
  private readonly captures = new Set<Promise<void>>();
  private queue: Promise<void> = Promise.resolve();

  constructor(private readonly checker: AxeChecker) {}

  /** Starts watching a context: its current and future pages. */
  async watchContext(context: BrowserContext, javaScriptEnabled: boolean): Promise<void> {
    if (this.contexts.has(context)) return;
    this.contexts.set(context, javaScriptEnabled);
    if (javaScriptEnabled) {
      await context.exposeBinding(CLIENT_NAVIGATION_BINDING, ({ page }) => {
        if (page) this.capture(page, "client navigation");
      });
      await context.addInitScript(CLIENT_NAVIGATION_SCRIPT);
    }
    context.on("page", (page) => this.watchPage(page));
    for (const page of context.pages()) this.watchPage(page);
    // A test that closes its own context right after a load must not lose that page's copy.
    const close = context.close.bind(context);
    context.close = async (options) => {
      await this.captured();
      return close(options);
    };
  }

  private watchPage(page: Page): void {
    if (this.pages.has(page)) return;
    this.pages.add(page);
    page.on("load", () => this.capture(page, "load"));
    const close = page.close.bind(page);
    page.close = async (options) => {
      await this.captured();
      return close(options);
    };
  }

  private capture(page: Page, trigger: Snapshot["trigger"]): void {
    const url = page.url();
    if (!/^https?:/.test(url)) return;
    const javaScriptEnabled = this.contexts.get(page.context()) ?? true;
    const viewport = page.viewportSize();
    // After a client navigation Next sets the new title once the page's metadata has streamed in;
    // copying the page before that would report a missing <title> that no reader ever meets.
    const ready = trigger === "client navigation" ? page.waitForFunction(() => document.title.trim() !== "", null, { timeout: 3000 }).then(() => undefined, () => undefined) : Promise.resolve();
    const capturing = ready.then(() => page.content()).then(
      (html) => {
        const snapshot: Snapshot = { url, trigger, html, viewport, javaScriptEnabled };
        this.queue = this.queue.then(() => this.check(snapshot));
      },
      (error: Error) => {
        // The page was closed or replaced within milliseconds of loading; nothing was shown.
        if (page.isClosed() || /context was destroyed|navigat/i.test(error.message)) return;
        this.checks.push({ url, trigger, violations: [], error: `could not copy the page: ${error.message.split("\n")[0]}` });
      },
    );
    this.captures.add(capturing);
    void capturing.finally(() => this.captures.delete(capturing));
  }

  private async captured(): Promise<void> {
    while (this.captures.size > 0) await Promise.all([...this.captures]);
  }

  private async check(snapshot: Snapshot): Promise<void> {
    this.checks.push(await this.checker.check(snapshot));
  }

  /** Waits for every page copy and every check that has been started. */
  async settle(): Promise<void> {
    // A copy can be queued while we wait (a load that was in flight): loop until quiet.
    for (;;) {
      await this.captured();
      const queue = this.queue;
      await queue;
      await new Promise((resolve) => setTimeout(resolve, 50));
      if (queue === this.queue && this.captures.size === 0) return;
    }
  }

  /** A readable list of every violation and failed check, or undefined when there are none. */
  report(): string | undefined {
    const lines: string[] = [];
    let count = 0;
    for (const check of this.checks) {
      if (check.error) {
        count++;
        lines.push(`  ${check.url} (after ${check.trigger}): the accessibility check could not run: ${check.error}`);
      }
      for (const violation of check.violations) {
        count++;
        lines.push(`  ${check.url} (after ${check.trigger})`);
        lines.push(`    ${violation.id} [${violation.impact ?? "unknown impact"}]: ${violation.help}`);
        lines.push(`    ${violation.helpUrl}`);
        for (const node of violation.nodes.slice(0, 5)) {
          lines.push(`      at ${node.target.join(" ")}: ${node.html.slice(0, 160)}`);
          const summary = node.failureSummary?.split("\n").slice(0, 3).join(" ");
          if (summary) lines.push(`        ${summary}`);
        }
        if (violation.nodes.length > 5) lines.push(`      ... and ${violation.nodes.length - 5} more elements`);
      }
    }
    if (count === 0) return undefined;
    return `Accessibility (axe, ${WCAG_TAGS.join(", ")}): ${count} problem(s) on the pages this test visited:\n${lines.join("\n")}`;
  }
}

async function attachReport(watch: AccessibilityWatch, testInfo: TestInfo): Promise<void> {
  const summary = watch.checks.map((c) => ({
    url: c.url,
    trigger: c.trigger,
    error: c.error,
    violations: c.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, targets: v.nodes.map((n) => n.target) })),
  }));
  await testInfo.attach("axe-checks.json", { contentType: "application/json", body: JSON.stringify(summary, null, 2) });
}

// Contexts made with browser.newContext() during a test are watched too.
function watchNewContexts(browser: Browser, watch: AccessibilityWatch): () => void {
  const original = browser.newContext;
  browser.newContext = async function (this: Browser, ...args: Parameters<Browser["newContext"]>) {
    const context = await original.apply(this, args);
    await watch.watchContext(context, args[0]?.javaScriptEnabled !== false);
    return context;
  };
  return () => {
    browser.newContext = original;
  };
}

/** Records every URL the browser requests (redirects included), to fail a test that puts a BSN in one (R30). */
export class UrlWatch {
  readonly urls: string[] = [];
  private readonly contexts = new Set<BrowserContext>();

  watchContext(context: BrowserContext): void {
    if (this.contexts.has(context)) return;
    this.contexts.add(context);
    context.on("request", (request) => this.urls.push(request.url()));
  }

  /** The URLs that contain a BSN, listed with the number masked; undefined when there are none. */
  report(): string | undefined {
    const lines = this.urls.flatMap((url) => {
      const bsns = findBsns(url);
      return bsns.length > 0 ? [`  ${bsns.reduce((u, bsn) => u.split(bsn).join(maskForReport(bsn)), url)}`] : [];
    });
    return lines.length > 0 ? `A BSN appeared in ${lines.length} URL(s) the browser requested (R30: never in a URL):\n${lines.join("\n")}` : undefined;
  }
}

export const test = base.extend<{ accessibility: AccessibilityWatch; requestedUrls: UrlWatch }, { axeChecker: AxeChecker }>({
  axeChecker: [
    async ({ browser }, use) => {
      const checker = new AxeChecker(browser);
      await use(checker);
      await checker.close();
    },
    { scope: "worker" },
  ],
  accessibility: [
    async ({ context, browser, javaScriptEnabled, axeChecker }, use, testInfo) => {
      const watch = new AccessibilityWatch(axeChecker);
      await watch.watchContext(context, javaScriptEnabled !== false);
      const restore = watchNewContexts(browser, watch);
      // `use` returns when the test body has finished, whether it passed or not.
      await use(watch);
      restore();
      await watch.settle();
      await attachReport(watch, testInfo);
      testInfo.annotations.push({ type: "axe", description: `${watch.checks.length} page(s) checked` });
      const problems = watch.report();
      if (problems) throw new Error(problems);
    },
    { auto: true },
  ],
  requestedUrls: [
    async ({ context, browser }, use) => {
      const watch = new UrlWatch();
      watch.watchContext(context);
      // Contexts a test makes itself are watched too (set up after, and restored before, the accessibility watch).
      const original = browser.newContext;
      browser.newContext = async function (this: Browser, ...args: Parameters<Browser["newContext"]>) {
        const created = await original.apply(this, args);
        watch.watchContext(created);
        return created;
      };
      await use(watch);
      browser.newContext = original;
      const problems = watch.report();
      if (problems) throw new Error(problems);
    },
    { auto: true },
  ],
});

export { expect };
