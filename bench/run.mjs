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
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import autocannon from "autocannon";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const benchData = path.join(root, ".test-data", "bench");
const distDir = process.env.NEXT_DIST_DIR || ".next";
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

const childEnvBase = { ...process.env, PATH: `${path.join(root, "node_modules", ".bin")}:${process.env.PATH}`, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };

// --- Cleanup: servers and the throwaway database go away whatever happens. -----------------
const running = new Set();
let throwawayDir;
function cleanup() {
  for (const child of running) killGroup(child, "SIGKILL");
  running.clear();
  if (throwawayDir) {
    try {
      execFileSync("bash", [path.join(root, "scripts", "pg-throwaway.sh"), "stop", throwawayDir], { stdio: "inherit" });
    } catch {
      // Reported by the script itself.
    }
    throwawayDir = undefined;
  }
}
process.on("exit", cleanup);
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    cleanup();
    process.exit(130);
  });
}
const watchdog = setTimeout(() => {
  console.error(`The benchmark took longer than ${OVERALL_LIMIT_MS / 60_000} minutes; stopping.`);
  cleanup();
  process.exit(1);
}, OVERALL_LIMIT_MS);
watchdog.unref();

function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

// --- Helpers -------------------------------------------------------------------------------
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function needsBuild() {
  const buildId = path.join(root, distDir, "BUILD_ID");
  if (!existsSync(buildId)) return true;
  const built = statSync(buildId).mtimeMs;
  const newer = (p) => {
    if (!existsSync(p)) return false;
    const s = statSync(p);
    if (s.isFile()) return s.mtimeMs > built && !/\.test\.tsx?$/.test(p);
    return readdirSync(p).some((entry) => newer(path.join(p, entry)));
  };
  return ["app", "components", "lib", "db", "public", "proxy.ts", "instrumentation.ts", "next.config.ts", "package-lock.json", "postcss.config.mjs"].some((p) => newer(path.join(root, p)));
}

function build() {
  const started = performance.now();
  console.log("Building (next build)...");
  execFileSync(bin("next"), ["build"], { cwd: root, env: childEnvBase, stdio: ["ignore", "ignore", "inherit"] });
  return performance.now() - started;
}

// The process that listens on a TCP port, found through /proc (the socket's inode).
function listeningPid(port) {
  const inodes = new Set();
  for (const file of ["/proc/net/tcp", "/proc/net/tcp6"]) {
    if (!existsSync(file)) continue;
    for (const line of readFileSync(file, "utf8").split("\n").slice(1)) {
      const cols = line.trim().split(/\s+/);
      if (cols.length < 10) continue;
      const localPort = parseInt(cols[1].split(":").pop(), 16);
      if (localPort === port && cols[3] === "0A") inodes.add(cols[9]); // 0A = LISTEN
    }
  }
  if (inodes.size === 0) return undefined;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    let fds;
    try {
      fds = readdirSync(`/proc/${pid}/fd`);
    } catch {
      continue;
    }
    for (const fd of fds) {
      try {
        const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`));
        if (m && inodes.has(m[1])) return Number(pid);
      } catch {
        // The fd closed while we looked.
      }
    }
  }
  return undefined;
}

function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return { peakMiB: kib("VmHWM") / 1024, rssMiB: kib("VmRSS") / 1024 };
}

async function firstOk(url, child, limitMs) {
  const started = performance.now();
  while (performance.now() - started < limitMs) {
    if (child.exitCode !== null) throw new Error(`the server stopped (exit code ${child.exitCode})`);
    try {
      const response = await fetch(url, { signal: AbortSignal.timeout(5000) });
      await response.arrayBuffer();
      if (response.status === 200) return performance.now();
    } catch {
      // Not listening yet.
    }
    await sleep(25);
  }
  throw new Error(`no 200 from ${url} within ${limitMs / 1000} s`);
}

// Starts the portal and measures the time until `/` answers 200.
async function startServer({ database, port, dataDir, databaseUrl, wipe, command = [bin("next"), "start", "--port", String(port), "--hostname", "127.0.0.1"], limitMs = 60_000 }) {
  if (wipe) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const env = { ...childEnvBase, PORT: String(port), HOSTNAME_BIND: "127.0.0.1", PORTAL_MODE: "demo", DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? "", SMTP_URL: "", LOG_LEVEL: "warn", PUBLIC_URL: `http://127.0.0.1:${port}` };
  const stderr = [];
  const started = performance.now();
  const child = spawn(command[0], command.slice(1), { cwd: root, env, detached: true, stdio: ["ignore", "ignore", "pipe"] });
  running.add(child);
  child.stderr.on("data", (chunk) => stderr.push(chunk));
  try {
    const ready = await firstOk(`http://127.0.0.1:${port}/`, child, limitMs);
    return { child, startMs: ready - started, pid: listeningPid(port) };
  } catch (error) {
    await stopServer(child);
    throw new Error(`${database}: ${error.message}\n${Buffer.concat(stderr).toString().slice(-2000)}`);
  }
}

async function stopServer(child) {
  if (child.exitCode !== null) {
    running.delete(child);
    return;
  }
  const exited = new Promise((resolve) => child.once("exit", resolve));
  killGroup(child, "SIGTERM");
  const timedOut = await Promise.race([exited.then(() => false), sleep(20_000).then(() => true)]);
  if (timedOut) {
    killGroup(child, "SIGKILL");
    await exited;
  }
  running.delete(child);
}

function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

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

// Logs in as a demo resident the way a browser without JavaScript does: loads the DigiD
// simulator, posts its form (with the hidden fields React renders for the server action) and
// keeps the session cookie from the answer. Returns the Cookie header value.
async function loginAsDemoResident(baseUrl) {
  const page = await fetch(`${baseUrl}/inloggen/digid-simulator`);
  const html = await page.text();
  const form = [...html.matchAll(/<form[^>]*>([\s\S]*?)<\/form>/g)].find((f) => f[1].includes('name="bsn"'));
  if (!form) throw new Error("login: no form on /inloggen/digid-simulator (are the demo simulators on?)");
  const body = new FormData();
  for (const input of form[1].matchAll(/<input[^>]*>/g)) {
    const attr = (name) => input[0].match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
    const name = attr("name");
    if (name && attr("type") === "hidden") body.append(name, (attr("value") ?? "").replaceAll("&amp;", "&").replaceAll("&quot;", '"'));
  }
  body.set("bsn", "999996708");
  body.set("niveau", "midden");
  const answer = await fetch(`${baseUrl}/inloggen/digid-simulator`, { method: "POST", body, redirect: "manual", headers: { origin: baseUrl } });
  const cookie = answer.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.startsWith("mo_sessie="));
  if (!cookie) throw new Error(`login: no session cookie in the answer (status ${answer.status})`);
  const check = await fetch(`${baseUrl}/mijn`, { headers: { cookie }, redirect: "manual" });
  if (check.status !== 200) throw new Error(`login: /mijn answered ${check.status} with the session cookie`);
  return cookie;
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

function postgresTarget() {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, note: "BENCH_DATABASE_URL" };
  try {
    execFileSync("bash", [path.join(root, "scripts", "pg-throwaway.sh"), "available"], { stdio: "ignore" });
  } catch {
    return undefined;
  }
  const out = execFileSync("bash", [path.join(root, "scripts", "pg-throwaway.sh"), "start"], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const values = Object.fromEntries(out.trim().split("\n").map((line) => line.split(/=(.*)/s).slice(0, 2)));
  throwawayDir = values.PG_THROWAWAY_DIR;
  return { url: values.TEST_DATABASE_URL, note: `throwaway ${values.PG_THROWAWAY_VERSION}` };
}

// --- Main ----------------------------------------------------------------------------------
const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "-");

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
