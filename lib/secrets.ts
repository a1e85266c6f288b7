import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { env } from "./env";

/**
 * Secrets that must survive restarts. In production they come from the environment (start-up
 * refuses to run without them); in demo mode one is generated once and kept in DATA_DIR/secrets,
 * so demo sessions and encrypted demo BSNs keep working after a restart.
 */

function demoSecret(name: string): string {
  const file = path.join(env().dataDir, "secrets", name);
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  mkdirSync(path.dirname(file), { recursive: true, mode: 0o700 });
  const value = randomBytes(32).toString("base64");
  writeFileSync(file, value, { mode: 0o600, flag: "wx" });
  return value;
}

const cache = new Map<string, string>();

/** The key that encrypts BSNs at rest (32 bytes, base64). */
export function partyDataKey(): string {
  const value = env().partyDataKey ?? cache.get("party-data-key") ?? demoSecret("party-data-key");
  cache.set("party-data-key", value);
  return value;
}

/** The secret next-auth signs its state and tokens with. */
export function authSecret(): string {
  const value = env().authSecret ?? cache.get("auth-secret") ?? demoSecret("auth-secret");
  cache.set("auth-secret", value);
  return value;
}
