// npm run bench: builds the portal when needed, starts it with `next start` on 127.0.0.1, loads
// pages with autocannon and prints requests per second, p50/p95/p99 latency and the server's
// peak memory, on PGlite and (when available) PostgreSQL. Also measures how long a start takes
// until the first page is served, and with --cold the first start on a clean checkout including
// `next build`. See bench/README.md.
//
//   node bench/run.mjs [--cold] [--duration 10] [--connections 20] [--warmup 3]
//                      [--paths /,/api/health] [--only pglite|postgres] [--port 3300]
//                      [--catalogue [400x1200]] [--session-path /]
//
// Besides the paths, one server per database loads --session-path (default `/`) logged out and
// then logged in as a demo resident (through the DigiD simulator's own form, as a browser without
// JavaScript would), in the same process, and prints the ratio: the cost of a session.
//
// PostgreSQL: BENCH_DATABASE_URL when set, else a throwaway server (scripts/pg-throwaway.sh)
// when PostgreSQL is installed, else PGlite only. Ports 3300 (PGlite) and 3301 (PostgreSQL), or
// --port and the one after it. --catalogue loads a catalogue of 400 products and 1,200
// designations (scripts/bench-catalogue.ts) before the loads, measures /, /kanalen and
// /api/kanalen by default, and prints each path's throughput as a share of the home page's.
// NEXT_DIST_DIR picks the build folder, as in next.config.ts.
import { execFileSync } from "node:child_process";
import { mkdirSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import { bin, build, childEnvBase, cleanup, distDir, fmt, installCleanup, loginAsDemoResident, memoryOf, needsBuild, percentile, postgresTarget, root, startServer, stopServer } from "./server.mjs";

const benchData = path.join(root, ".test-data", "bench");
const OVERALL_LIMIT_MS = 20 * 60_000;

// --- Options -------------------------------------------------------------------------------
const args = process.argv.slice(2);
function option(name, fallback) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
}
const catalogueArg = args.includes("--catalogue") ? (/^\d+x\d+$/.test(args[args.indexOf("--catalogue") + 1] ?? "") ? args[args.indexOf("--catalogue") + 1] : "400x1200") : "";
const options = {
  cold: args.includes("--cold"),
  catalogue: catalogueArg,
  duration: Number(option("duration", "10")),
  warmup: Number(option("warmup", "3")),
  connections: Number(option("connections", "20")),
  paths: option("paths", catalogueArg ? "/,/kanalen,/api/kanalen" : "/,/api/health").split(",").filter((p) => p && p !== "none"),
  only: option("only", ""),
  port: Number(option("port", "3300")),
  sessionPath: option("session-path", "/"),
};
const PORTS = { pglite: options.port, postgres: options.port + 1 };

installCleanup(OVERALL_LIMIT_MS);

// --- Helpers -------------------------------------------------------------------------------
async function load(url, seconds, connections, headers = {}) {
  const latencies = [];
  const instance = autocannon({ url, connections, duration: seconds, headers });
  instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await instance;
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: result.requests.average,
    total: result.requests.total,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

// Several loads of the same page as one: total requests over total time; latency percentiles
// as the mean of the rounds' (close enough for equal rounds).
function combine(results) {
  const mean = (key) => results.reduce((sum, r) => sum + r[key], 0) / results.length;
  return {
    requestsPerSecond: mean("requestsPerSecond"),
    total: results.reduce((sum, r) => sum + r.total, 0),
    p50: mean("p50"),
    p95: mean("p95"),
    p99: mean("p99"),
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
  };
}

// --- Main ----------------------------------------------------------------------------------
async function main() {
  const serverNode = execFileSync(bin("node"), ["--version"], { encoding: "utf8" }).trim();
  console.log(`Server on Node ${serverNode} (runner ${process.version}), ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, ${os.type()} ${os.release()}`);
  console.log(`Load: autocannon, ${options.connections} connections, ${options.warmup} s warm-up, ${options.duration} s per path, loopback only.\n`);
  const report = { date: new Date().toISOString(), node: serverNode, cores: os.cpus().length, options, startup: [], load: [], session: [] };

  if (options.cold) {
    // A clean checkout after `npm ci`: no build, no data. `npm start` builds and then serves.
    rmSync(path.join(root, distDir), { recursive: true, force: true });
    const dataDir = path.join(benchData, "cold");
    const { child, startMs } = await startServer({ database: "pglite", port: PORTS.pglite, dataDir, wipe: true, command: ["bash", path.join(root, "scripts", "start.sh")], limitMs: 5 * 60_000 });
    await stopServer(child);
    report.startup.push({ what: "first start on a clean checkout: npm start (next build + start + first page), PGlite", ms: startMs, target: "< 2 min" });
    console.log(`Cold start (build included): ${fmt(startMs / 1000, 1)} s`);
  } else if (needsBuild()) {
    const ms = build();
    console.log(`Build: ${fmt(ms / 1000, 1)} s`);
  }

  const databases = [];
  if (options.only !== "postgres") databases.push({ name: "pglite", label: "PGlite" });
  if (options.only !== "pglite") {
    const pg = postgresTarget();
    if (pg) databases.push({ name: "postgres", label: `PostgreSQL (${pg.note})`, url: pg.url });
    else console.log("PostgreSQL: not available (no BENCH_DATABASE_URL and no local PostgreSQL); PGlite only.\n");
  }

  for (const db of databases) {
    const port = PORTS[db.name];
    const dataDir = path.join(benchData, db.name);
    // First start on empty data: migrations and demo data included.
    {
      const { child, startMs } = await startServer({ database: db.name, port, dataDir, databaseUrl: db.url, wipe: true });
      await stopServer(child);
      report.startup.push({ what: `first start on an empty database (migrate + seed), ${db.label}`, ms: startMs, target: "-" });
    }
    if (options.catalogue) {
      // The server is stopped: the loader may open the embedded database folder itself.
      const [products, designations] = options.catalogue.split("x");
      const out = execFileSync(bin("tsx"), ["--conditions=react-server", path.join(root, "scripts", "bench-catalogue.ts"), products, designations], {
        cwd: root,
        encoding: "utf8",
        env: { ...childEnvBase, PORTAL_MODE: "demo", DATA_DIR: dataDir, DATABASE_URL: db.url ?? "", LOG_LEVEL: "warn" },
        stdio: ["ignore", "pipe", "inherit"],
      });
      console.log(`${db.label}: ${out.trim()}`);
      report.catalogue = out.trim();
    }
    for (const urlPath of options.paths) {
      // A restart on existing data, then load; a fresh process per path keeps the peak memory per path.
      const { child, startMs, pid } = await startServer({ database: db.name, port, dataDir, databaseUrl: db.url, wipe: false });
      report.startup.push({ what: `restart with a build and data, first page, ${db.label}`, ms: startMs, target: "< 5 s" });
      const url = `http://127.0.0.1:${port}${urlPath}`;
      process.stdout.write(`${db.label} ${urlPath}: warm-up...`);
      await load(url, options.warmup, options.connections);
      process.stdout.write(" measuring...");
      const result = await load(url, options.duration, options.connections);
      const memory = pid ? memoryOf(pid) : { peakMiB: NaN };
      await stopServer(child);
      console.log(` ${fmt(result.requestsPerSecond)} req/s`);
      report.load.push({ database: db.label, path: urlPath, ...result, peakRssMiB: memory.peakMiB, serverPid: pid, spawnedPid: child.pid });
    }
    // The cost of a session: the same page logged out and logged in, one server process, one after the other.
    {
      const { child } = await startServer({ database: db.name, port, dataDir, databaseUrl: db.url, wipe: false });
      const base = `http://127.0.0.1:${port}`;
      const cookie = await loginAsDemoResident(base);
      const url = `${base}${options.sessionPath}`;
      // Alternating rounds (out, in, out, in), so a neighbour's burst of CPU on a shared machine
      // does not land on one side only; each side's figures come from all its rounds together.
      const rounds = { "logged out": [], "logged in": [] };
      for (const [state, headers] of [["logged out", {}], ["logged in", { cookie }]]) {
        process.stdout.write(`${db.label} ${options.sessionPath} ${state}: warm-up...`);
        await load(url, options.warmup, options.connections, headers);
        console.log(" done");
      }
      for (let round = 0; round < 2; round++) {
        for (const [state, headers] of [["logged out", {}], ["logged in", { cookie }]]) {
          process.stdout.write(`${db.label} ${options.sessionPath} ${state}, round ${round + 1}: measuring...`);
          const result = await load(url, options.duration, options.connections, headers);
          rounds[state].push(result);
          console.log(` ${fmt(result.requestsPerSecond)} req/s`);
        }
      }
      const measured = Object.fromEntries(Object.entries(rounds).map(([state, results]) => [state, combine(results)]));
      // The session must still be valid at the end, or the "logged in" load measured a logged-out page.
      const still = await fetch(`${base}/mijn`, { headers: { cookie }, redirect: "manual" });
      await stopServer(child);
      if (still.status !== 200) throw new Error(`${db.label}: the session ended during the logged-in load (/mijn answered ${still.status})`);
      report.session.push({
        database: db.label,
        path: options.sessionPath,
        loggedOut: measured["logged out"],
        loggedIn: measured["logged in"],
        ratio: measured["logged in"].requestsPerSecond / measured["logged out"].requestsPerSecond,
      });
      for (const [state, result] of Object.entries(measured)) report.load.push({ database: db.label, path: `${options.sessionPath} (${state})`, ...result, peakRssMiB: NaN });
    }
  }

  // --- Report ----------------------------------------------------------------------------
  console.log("\nLoad (per path, fresh server process, after warm-up):\n");
  console.log("| Database | Path | Req/s | p50 ms | p95 ms | p99 ms | Peak RSS MiB | Non-2xx / errors |");
  console.log("|---|---|---:|---:|---:|---:|---:|---:|");
  for (const r of report.load) {
    console.log(`| ${r.database} | \`${r.path}\` | ${fmt(r.requestsPerSecond)} | ${fmt(r.p50, 1)} | ${fmt(r.p95, 1)} | ${fmt(r.p99, 1)} | ${fmt(r.peakRssMiB)} | ${r.non2xx} / ${r.errors} |`);
  }
  console.log("\nThe cost of a session (same page, same server process; target: logged in >= 0.85 of logged out):\n");
  console.log("| Database | Path | Logged out req/s | Logged in req/s | Ratio | Target met |");
  console.log("|---|---|---:|---:|---:|---|");
  for (const r of report.session) {
    console.log(`| ${r.database} | \`${r.path}\` | ${fmt(r.loggedOut.requestsPerSecond)} | ${fmt(r.loggedIn.requestsPerSecond)} | ${fmt(r.ratio, 2)} | ${r.ratio >= 0.85 ? "yes" : "no"} |`);
  }
  console.log("\nStart-up (from `next start` to the first 200 of `/`):\n");
  console.log("| What | Time | Target |");
  console.log("|---|---:|---|");
  for (const s of report.startup) console.log(`| ${s.what} | ${fmt(s.ms / 1000, 2)} s | ${s.target} |`);
  const homes = new Map(report.load.filter((r) => r.path === "/").map((r) => [r.database, r.requestsPerSecond]));
  const ratios = report.load.filter((r) => r.path !== "/" && homes.get(r.database));
  if (ratios.length > 0) {
    console.log("\nThroughput as a share of the home page's, same run (target for /kanalen and /api/kanalen: at least 0.5):\n");
    for (const r of ratios) {
      const ratio = r.requestsPerSecond / homes.get(r.database);
      r.ratioToHome = ratio;
      console.log(`  ${r.database} ${r.path}: ${fmt(ratio, 2)} x /`);
    }
  }
  const pids = report.load.filter((r) => r.serverPid && r.serverPid !== r.spawnedPid);
  if (pids.length > 0) console.log("\n(Memory is that of the process listening on the port, a child of the one `next start` began as.)");

  mkdirSync(path.join(root, "bench", ".work"), { recursive: true });
  writeFileSync(path.join(root, "bench", ".work", "last-run.json"), JSON.stringify(report, null, 2));
  console.log("\nFull results: bench/.work/last-run.json");
  const failures = report.load.filter((r) => r.non2xx > 0 || r.errors > 0);
  if (failures.length > 0) {
    console.error(`\n${failures.length} run(s) had non-2xx responses or errors.`);
    process.exitCode = 1;
  }
}

main()
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(cleanup);
