/**
 * Whether this process currently cannot reach its database. Set when a query fails to connect,
 * cleared by a probe once the database answers again. The proxy reads it to answer page requests
 * with a plain "the website is not working right now" page (HTTP 503) that needs no database
 * and no JavaScript. No imports: the proxy bundle includes this file.
 */

interface DatabaseState {
  down: boolean;
  since: number | null;
  probeTimer: ReturnType<typeof setInterval> | null;
}

const globalForState = globalThis as unknown as { __portalDatabaseState?: DatabaseState };

function state(): DatabaseState {
  globalForState.__portalDatabaseState ??= { down: false, since: null, probeTimer: null };
  return globalForState.__portalDatabaseState;
}

/** True while the database cannot be reached. */
export function databaseIsDown(): boolean {
  return state().down;
}

/** Records that the database cannot be reached and probes it every few seconds until it answers. */
export function reportDatabaseDown(probe: () => Promise<void>, intervalMs = 3000): void {
  const s = state();
  if (!s.down) {
    s.down = true;
    s.since = Date.now();
  }
  if (s.probeTimer) return;
  let probing = false;
  s.probeTimer = setInterval(() => {
    if (probing) return;
    probing = true;
    probe()
      .then(() => reportDatabaseUp())
      .catch(() => {})
      .finally(() => {
        probing = false;
      });
  }, intervalMs);
  s.probeTimer.unref?.();
}

/** Records that the database answers again. */
export function reportDatabaseUp(): void {
  const s = state();
  s.down = false;
  s.since = null;
  if (s.probeTimer) clearInterval(s.probeTimer);
  s.probeTimer = null;
}
