// Starting and stopping the built portal for the benchmarks (bench/run.mjs, bench/submissions.mjs):
// one way of doing it. The servers and a throwaway PostgreSQL go away whatever happens (exit,
// Ctrl-C, a watchdog), and the portal is measured the way it runs in production: `next start`
// of the build in NEXT_DIST_DIR (default .next), NODE_ENV=production, on 127.0.0.1.
import { execFileSync, spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, readdirSync, readlinkSync, rmSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
export const bin = (name) => path.join(root, "node_modules", ".bin", name);
export const distDir = process.env.NEXT_DIST_DIR || ".next";
export const childEnvBase = { ...process.env, PATH: `${path.join(root, "node_modules", ".bin")}:${process.env.PATH}`, NEXT_TELEMETRY_DISABLED: "1", NODE_ENV: "production" };

export const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

// --- Cleanup: servers and the throwaway database go away whatever happens. -----------------
const running = new Set();
let throwawayDir;

export function cleanup() {
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

/** Cleans up on exit and on Ctrl-C, and stops the whole run after `limitMs`. */
export function installCleanup(limitMs) {
  process.on("exit", cleanup);
  for (const signal of ["SIGINT", "SIGTERM"]) {
    process.on(signal, () => {
      cleanup();
      process.exit(130);
    });
  }
  const watchdog = setTimeout(() => {
    console.error(`The benchmark took longer than ${limitMs / 60_000} minutes; stopping.`);
    cleanup();
    process.exit(1);
  }, limitMs);
  watchdog.unref();
}

export function killGroup(child, signal) {
  try {
    process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

// --- Building --------------------------------------------------------------------------------
export function needsBuild() {
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

export function build() {
  const started = performance.now();
  console.log(`Building (next build into ${distDir})...`);
  execFileSync(bin("next"), ["build"], { cwd: root, env: childEnvBase, stdio: ["ignore", "ignore", "inherit"] });
  return performance.now() - started;
}

// --- Processes and memory --------------------------------------------------------------------

/** The process that listens on a TCP port, found through /proc (the socket's inode). */
export function listeningPid(port) {
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

/** VmRSS (now) and VmHWM (peak since start, or since resetPeakMemory) of a process, in MiB. */
export function memoryOf(pid) {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = (key) => Number(new RegExp(`^${key}:\\s+(\\d+) kB`, "m").exec(status)?.[1] ?? NaN);
  return { peakMiB: kib("VmHWM") / 1024, rssMiB: kib("VmRSS") / 1024 };
}

/** Sets a process's VmHWM back to its current RSS (Linux: "5" into /proc/<pid>/clear_refs). False when not allowed. */
export function resetPeakMemory(pid) {
  try {
    execFileSync("sh", ["-c", `echo 5 > /proc/${pid}/clear_refs`], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** The process and all its descendants (through /proc/<pid>/task/<tid>/children). */
export function processTree(pid) {
  const out = [pid];
  for (let i = 0; i < out.length; i++) {
    let tids = [];
    try {
      tids = readdirSync(`/proc/${out[i]}/task`);
    } catch {
      continue;
    }
    for (const tid of tids) {
      try {
        for (const child of readFileSync(`/proc/${out[i]}/task/${tid}/children`, "utf8").trim().split(/\s+/).filter(Boolean)) out.push(Number(child));
      } catch {
        // Gone.
      }
    }
  }
  return out;
}

// --- Servers ---------------------------------------------------------------------------------
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

/**
 * Starts the portal and measures the time until `/` answers 200. Returns the child (its
 * process group is killed on stop), the start time, the pid listening on the port and the
 * server's standard error so far (a live array of chunks).
 */
export async function startServer({ database, port, dataDir, databaseUrl, wipe, env: extraEnv = {}, command = [bin("next"), "start", "--port", String(port), "--hostname", "127.0.0.1"], limitMs = 60_000 }) {
  if (wipe) rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const env = { ...childEnvBase, PORT: String(port), HOSTNAME_BIND: "127.0.0.1", PORTAL_MODE: "demo", DATA_DIR: dataDir, DATABASE_URL: databaseUrl ?? "", SMTP_URL: "", LOG_LEVEL: "warn", PUBLIC_URL: `http://127.0.0.1:${port}`, ...extraEnv };
  const stderr = [];
  const started = performance.now();
  const child = spawn(command[0], command.slice(1), { cwd: root, env, detached: true, stdio: ["ignore", "ignore", "pipe"] });
  running.add(child);
  child.stderr.on("data", (chunk) => stderr.push(chunk));
  try {
    const ready = await firstOk(`http://127.0.0.1:${port}/`, child, limitMs);
    return { child, startMs: ready - started, pid: listeningPid(port), stderr };
  } catch (error) {
    await stopServer(child);
    throw new Error(`${database}: ${error.message}\n${Buffer.concat(stderr).toString().slice(-2000)}`);
  }
}

export async function stopServer(child) {
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

/** PostgreSQL for a benchmark: BENCH_DATABASE_URL, else a throwaway server (stopped by cleanup; `dir` is its folder, with server.log), else undefined. */
export function postgresTarget() {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, note: "BENCH_DATABASE_URL" };
  try {
    execFileSync("bash", [path.join(root, "scripts", "pg-throwaway.sh"), "available"], { stdio: "ignore" });
  } catch {
    return undefined;
  }
  const out = execFileSync("bash", [path.join(root, "scripts", "pg-throwaway.sh"), "start"], { encoding: "utf8", stdio: ["ignore", "pipe", "inherit"] });
  const values = Object.fromEntries(out.trim().split("\n").map((line) => line.split(/=(.*)/s).slice(0, 2)));
  throwawayDir = values.PG_THROWAWAY_DIR;
  return { url: values.TEST_DATABASE_URL, note: `throwaway ${values.PG_THROWAWAY_VERSION}`, dir: throwawayDir };
}

// --- Figures ---------------------------------------------------------------------------------
export function percentile(sorted, p) {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export const fmt = (n, digits = 0) => (Number.isFinite(n) ? n.toFixed(digits) : "-");

// --- Logging in --------------------------------------------------------------------------------

/** The hidden inputs of a form in an HTML page (what React renders for a server action, among others). */
export function hiddenInputs(formHtml) {
  const out = [];
  for (const input of formHtml.matchAll(/<input[^>]*>/g)) {
    const attr = (name) => input[0].match(new RegExp(`\\s${name}="([^"]*)"`))?.[1];
    const name = attr("name");
    if (name && attr("type") === "hidden") out.push([name, decodeHtml(attr("value") ?? "")]);
  }
  return out;
}

export function decodeHtml(value) {
  return value.replaceAll("&quot;", '"').replaceAll("&#x27;", "'").replaceAll("&#39;", "'").replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
}

/**
 * Logs in as a resident the way a browser without JavaScript does: loads the DigiD simulator,
 * posts its form (with the hidden fields React renders for the server action) and keeps the
 * session cookie from the answer. Any BSN that passes the elfproef is accepted (the party is
 * made on first login). Returns the Cookie header value.
 */
export async function loginAsDemoResident(baseUrl, { bsn = "999996708", level = "midden", check = true } = {}) {
  const page = await fetch(`${baseUrl}/inloggen/digid-simulator`, { signal: AbortSignal.timeout(60_000) });
  const html = await page.text();
  const form = [...html.matchAll(/<form[^>]*>([\s\S]*?)<\/form>/g)].find((f) => f[1].includes('name="bsn"'));
  if (!form) throw new Error("login: no form on /inloggen/digid-simulator (are the demo simulators on?)");
  const body = new FormData();
  for (const [name, value] of hiddenInputs(form[1])) body.append(name, value);
  body.set("bsn", bsn);
  body.set("niveau", level);
  const answer = await fetch(`${baseUrl}/inloggen/digid-simulator`, { method: "POST", body, redirect: "manual", headers: { origin: baseUrl }, signal: AbortSignal.timeout(60_000) });
  await answer.arrayBuffer();
  const cookie = answer.headers.getSetCookie().map((c) => c.split(";")[0]).find((c) => c.startsWith("mo_sessie="));
  if (!cookie) throw new Error(`login: no session cookie in the answer (status ${answer.status})`);
  if (check) {
    const mine = await fetch(`${baseUrl}/mijn`, { headers: { cookie }, redirect: "manual", signal: AbortSignal.timeout(60_000) });
    await mine.arrayBuffer();
    if (mine.status !== 200) throw new Error(`login: /mijn answered ${mine.status} with the session cookie`);
  }
  return cookie;
}
