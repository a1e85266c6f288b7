/**
 * Tests create and drop databases. This guard makes sure that only ever happens on a server on
 * this machine, never on a shared or production server that TEST_DATABASE_URL might point at.
 */

const LOCAL_HOSTS = new Set(["localhost", "127.0.0.1", "::1", "[::1]"]);

/** True when a PostgreSQL connection string points at this machine (loopback or a unix socket). */
export function isLocalDatabaseUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (parsed.protocol !== "postgres:" && parsed.protocol !== "postgresql:") return false;
  // libpq and postgres.js accept ?host=/run/postgresql; it wins over the host in the authority.
  const hostParam = parsed.searchParams.get("host");
  const hosts = hostParam !== null ? [hostParam] : [decodeURIComponent(parsed.hostname)];
  // A comma-separated host list (failover) must be local in every entry.
  return hosts
    .flatMap((h) => h.split(","))
    .every((host) => host === "" || host.startsWith("/") || LOCAL_HOSTS.has(host.toLowerCase()));
}

/** Throws unless the URL points at a local PostgreSQL; returns it otherwise. */
export function assertLocalDatabaseUrl(url: string, name = "TEST_DATABASE_URL"): string {
  if (!isLocalDatabaseUrl(url)) {
    let shown = url;
    try {
      const u = new URL(url);
      if (u.password) u.password = "***";
      shown = u.toString();
    } catch {
      // Not a URL at all; show it as it is.
    }
    throw new Error(
      `${name} must point at a PostgreSQL server on this machine (localhost, 127.0.0.1, ::1 or a unix socket); got ${shown}. ` +
        "The tests create and drop databases there, so a shared or production server is refused.",
    );
  }
  return url;
}

/** The connection string of another database on the same server. */
export function withDatabaseName(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${encodeURIComponent(database)}`;
  return u.toString();
}

/** The database name in a connection string (postgres.js defaults it to the user name). */
export function databaseNameOf(url: string): string {
  const u = new URL(url);
  const name = decodeURIComponent(u.pathname.replace(/^\//, ""));
  return name || decodeURIComponent(u.username) || "postgres";
}

/** Quotes an SQL identifier (database names are ours, but quote them anyway). */
export function quoteIdent(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
