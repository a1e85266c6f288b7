import "server-only";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { env } from "../env";
import type { StoredMail } from "./transport";

/**
 * The demo mailbox: what the file transport wrote. Only available in the embedded default
 * (demo features on and no SMTP server), so it can never show real residents' mail.
 */

export function demoMailboxEnabled(): boolean {
  const e = env();
  return e.demoFeatures && !e.smtpUrl;
}

function folder(): string {
  return path.join(env().dataDir, "mail");
}

/** The newest mails first, without their bodies. */
export function listDemoMail(limit = 200): Omit<StoredMail, "text" | "html">[] {
  if (!demoMailboxEnabled() || !existsSync(folder())) return [];
  return readdirSync(folder())
    .filter((f) => f.endsWith(".json"))
    .sort()
    .reverse()
    .slice(0, limit)
    .map((f) => {
      const { text: _text, html: _html, ...summary } = JSON.parse(readFileSync(path.join(folder(), f), "utf8")) as StoredMail;
      return summary;
    });
}

/** One mail, or null when it does not exist (or the id is not one we wrote). */
export function getDemoMail(id: string): StoredMail | null {
  if (!demoMailboxEnabled() || !/^[0-9TZ-]+-[0-9a-f]{8}$/.test(id)) return null;
  const file = path.join(folder(), `${id}.json`);
  if (!existsSync(file)) return null;
  return JSON.parse(readFileSync(file, "utf8")) as StoredMail;
}
