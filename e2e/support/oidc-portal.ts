import { spawn, type ChildProcess } from "node:child_process";
import { mkdirSync, openSync, rmSync } from "node:fs";
import path from "node:path";

/**
 * A second instance of the built portal for login specs that need other settings than the
 * shared server (a DigiD broker, a short idle limit). It runs on the same kind of database as
 * the run (E2E_DATABASE_URL, or PGlite in a data folder of its own) and the same build
 * (NEXT_DIST_DIR is passed through).
 */

const root = path.resolve(__dirname, "../..");

/** The port of an extra instance: next to the run's own port, so the PGlite and PostgreSQL runs do not collide. */
export function extraPort(offset: 1 | 2): number {
  return Number(process.env.E2E_PORT ?? 3210) + offset;
}

const blanked = Object.fromEntries(
  ["NAME", "LOGO", "COLOUR_PRIMARY", "COLOUR_ACCENT", "PHONE", "EMAIL", "COUNTER_ADDRESS", "OPENING_HOURS", "OPENING_HOURS_EN", "WEBSITE"]
    .map((name) => `MUNICIPALITY_${name}`)
    .concat(["DEMO_FEATURES", "ALLOW_DEMO_FEATURES_IN_PRODUCTION", "DIGID_OIDC_ISSUER", "DIGID_OIDC_CLIENT_ID", "DIGID_OIDC_CLIENT_SECRET", "EHERKENNING_OIDC_ISSUER", "EHERKENNING_OIDC_CLIENT_ID", "EHERKENNING_OIDC_CLIENT_SECRET", "RESIDENT_IDLE_MINUTES", "AUTH_SECRET", "PARTY_DATA_KEY"])
    .map((name) => [name, ""]),
);

export interface ExtraPortal {
  url: string;
  stop: () => Promise<void>;
}

/** Starts `next start` with extra settings and waits until /api/health answers. */
export async function startExtraPortal(name: string, port: number, settings: Record<string, string>): Promise<ExtraPortal> {
  const url = `http://127.0.0.1:${port}`;
  const base = path.resolve(root, process.env.E2E_DATA_DIR ?? ".test-data/e2e");
  const dataDir = `${base}-${name}`;
  if (!dataDir.startsWith(path.join(root, ".test-data") + path.sep)) throw new Error(`refusing to use ${dataDir}`);
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const child: ChildProcess = spawn(path.join(root, "node_modules/.bin/next"), ["start", "--port", String(port), "--hostname", "127.0.0.1"], {
    cwd: root,
    // Into the run's server log when there is one, so the check for BSNs in log lines covers this instance too.
    stdio: process.env.E2E_SERVER_LOG_FILE
      ? ["ignore", openSync(path.resolve(process.env.E2E_SERVER_LOG_FILE), "a"), openSync(path.resolve(process.env.E2E_SERVER_LOG_FILE), "a")]
      : ["ignore", "ignore", process.env.E2E_SERVER_LOG ? "inherit" : "ignore"],
    env: {
      ...process.env,
      ...blanked,
      NEXT_TELEMETRY_DISABLED: "1",
      NODE_ENV: "production",
      PORTAL_MODE: "demo",
      DATA_DIR: dataDir,
      PUBLIC_URL: url,
      DATABASE_URL: process.env.E2E_DATABASE_URL ?? "",
      SMTP_URL: "",
      RUN_WORKER: "false",
      LOG_LEVEL: process.env.E2E_LOG_LEVEL ?? "warn",
      ...settings,
    },
  });
  let exited = false;
  child.once("exit", () => {
    exited = true;
  });
  const deadline = Date.now() + 90_000;
  for (;;) {
    if (exited) throw new Error(`the extra portal "${name}" stopped while starting (E2E_SERVER_LOG=1 shows why)`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) {
      child.kill("SIGTERM");
      throw new Error(`the extra portal "${name}" did not answer on ${url} within 90 s`);
    }
    await new Promise((resolve) => setTimeout(resolve, 300));
  }
  return {
    url,
    stop: async () => {
      if (exited) return;
      const gone = new Promise<void>((resolve) => child.once("exit", () => resolve()));
      child.kill("SIGTERM");
      await Promise.race([gone, new Promise((resolve) => setTimeout(resolve, 10_000))]);
      if (!exited) child.kill("SIGKILL");
    },
  };
}
