// A fresh PostgreSQL database for one e2e run, on the server TEST_DATABASE_URL points at.
//   node e2e/support/database.mjs create <server-url>   prints the URL of a new, empty database
//   node e2e/support/database.mjs drop <database-url>   drops it again
// Refuses any server that is not on this machine: tests must never touch a shared database.
import postgres from "postgres";

const [command, url] = process.argv.slice(2);
if (!command || !url) {
  console.error("usage: node e2e/support/database.mjs create|drop <url>");
  process.exit(2);
}

const target = new URL(url);
const host = decodeURIComponent(target.hostname || target.searchParams.get("host") || "localhost");
const local = ["localhost", "127.0.0.1", "[::1]", "::1"].includes(host) || host.startsWith("/");
if (!local) {
  console.error(`Refusing to use the database server at ${host}: e2e tests only run against a PostgreSQL on this machine (localhost, 127.0.0.1 or a socket).`);
  process.exit(2);
}

const admin = new URL(url);
admin.pathname = "/postgres";
const sql = postgres(admin.toString(), { max: 1, onnotice: () => {}, connect_timeout: 10 });
try {
  if (command === "create") {
    const name = `portal_e2e_${Date.now()}_${process.pid}`;
    await sql.unsafe(`create database "${name}"`);
    const created = new URL(url);
    created.pathname = `/${name}`;
    console.log(created.toString());
  } else if (command === "drop") {
    const name = decodeURIComponent(target.pathname.slice(1));
    if (!/^portal_e2e_\d+_\d+$/.test(name)) throw new Error(`Not an e2e database: ${name}`);
    await sql.unsafe(`drop database if exists "${name}" with (force)`);
  } else {
    throw new Error(`Unknown command ${command}`);
  }
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  process.exitCode = 1;
} finally {
  await sql.end({ timeout: 5 });
}
