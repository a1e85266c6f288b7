// `npm run worker`: a job worker as a separate process, for PostgreSQL installations.
// Run any number of them; pg-boss coordinates them through the database.
import { loadEnvConfig } from "@next/env";
import { env } from "../lib/env";
import { startPortal } from "../lib/runtime/start";

async function main() {
  // The same .env files as the web server reads.
  loadEnvConfig(process.cwd());
  if (env().database.kind === "pglite") {
    console.error(
      "npm run worker needs DATABASE_URL: with the embedded database the worker already runs inside the server (npm start), and a second process may not open the same folder.",
    );
    process.exit(2);
  }
  await startPortal("worker");
}

void main();
