import { existsSync } from "node:fs";
import { chromium } from "@playwright/test";

/**
 * Which Chromium the end-to-end tests drive. Looked for in this order: an explicit setting
 * (PLAYWRIGHT_CHROMIUM_PATH), Debian's Chromium at /usr/bin/chromium, then the browser that
 * `npx playwright install chromium` downloads. Shared by playwright.config.ts and
 * scripts/test-e2e.sh (through e2e/find-browser.ts) so both give the same answer.
 */

export interface FoundBrowser {
  /** Path to the executable. */
  executablePath: string;
  /** How it was found, for the log line that says which browser is used. */
  source: "PLAYWRIGHT_CHROMIUM_PATH" | "Debian's Chromium" | "Playwright's own Chromium";
}

export const DEBIAN_CHROMIUM = "/usr/bin/chromium";

export const HOW_TO_INSTALL =
  "No Chromium found for the end-to-end tests. Install one of these:\n" +
  "  - Debian/Ubuntu:            apt-get install -y chromium   (as root)\n" +
  "  - Playwright's own browser: npx playwright install chromium   (needs internet)\n" +
  "or point PLAYWRIGHT_CHROMIUM_PATH at a Chromium or Chrome executable.";

// Flags for Debian's Chromium in a container or CI: no sandbox (runs as root), no GPU, and no
// traffic to Google's services, which the tests neither need nor may reach.
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-quic",
  "--no-first-run",
];

function playwrightsOwnChromium(): string | undefined {
  try {
    const candidate = chromium.executablePath();
    return candidate && existsSync(candidate) ? candidate : undefined;
  } catch {
    return undefined;
  }
}

/** Finds the Chromium to use, or returns undefined when there is none on this machine. */
export function findChromium(env: NodeJS.ProcessEnv = process.env): FoundBrowser | undefined {
  const explicit = env.PLAYWRIGHT_CHROMIUM_PATH;
  if (explicit) {
    if (!existsSync(explicit)) {
      throw new Error(`PLAYWRIGHT_CHROMIUM_PATH points at ${explicit}, which does not exist.\n${HOW_TO_INSTALL}`);
    }
    return { executablePath: explicit, source: "PLAYWRIGHT_CHROMIUM_PATH" };
  }
  if (existsSync(DEBIAN_CHROMIUM)) return { executablePath: DEBIAN_CHROMIUM, source: "Debian's Chromium" };
  const own = playwrightsOwnChromium();
  if (own) return { executablePath: own, source: "Playwright's own Chromium" };
  return undefined;
}

/** Like findChromium, but stops with instructions when there is no browser. */
export function requireChromium(env: NodeJS.ProcessEnv = process.env): FoundBrowser {
  const found = findChromium(env);
  if (!found) throw new Error(HOW_TO_INSTALL);
  return found;
}
