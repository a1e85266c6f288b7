// npm run bench:inbox: the inbox benchmark of issue 7, on PostgreSQL.
//
//   node bench/inbox.mjs [--parties 100000] [--messages 1000000] [--hero-messages 5000]
//                        [--duration 10] [--warmup 3] [--rounds 2] [--connections 20] [--port 3430]
//                        [--no-plans]
//
// 1. Builds the portal when needed (NEXT_DIST_DIR picks the folder), takes PostgreSQL from
//    BENCH_DATABASE_URL or starts a throwaway one (scripts/pg-throwaway.sh), and starts the built
//    portal on it once (migrations and demo data), as bench/run.mjs does.
// 2. One resident logs in through the DigiD simulator (a BSN of its own): that party is the one
//    with --hero-messages messages. The portal is stopped and the data seeded set-based
//    (bench/inbox-seed.mjs: --parties parties and --messages messages in all, with kinds, terms,
//    unread, archived, attachments and replies); each step is timed.
// 3. The portal starts again on that data; the resident logs in again. Checks: the inbox page
//    shows a full first page, the message page shows its subject, another party's message is
//    a 404.
// 4. Loads, at --connections connections, alternating rounds of --duration seconds each after a
//    warm-up: the home page `/` (logged out, as in bench/run.mjs), the first inbox page
//    `/mijn/berichten` and one (already opened) message `/mijn/berichten/<id>`, both with the
//    session cookie. Prints req/s and p50/p95/p99 side by side, and inbox/home and message/home
//    against the target (at least 0.6): PASS or FAIL.
// 5. The query plans: the portal restarts with auto_explain on (throwaway server only: the plans
//    are read from its log), the pages are requested once more (and an unread message is opened,
//    for the UPDATE that records the first opening, and the second inbox page), and the plan of
//    every statement on the inbox tables is printed: EXPLAIN ANALYZE with BUFFERS of the real
//    statements with their real parameters. Fails loudly on a sequential scan of inbox_messages.
// 6. The reminder scan (scripts/bench-inbox-reminders.ts): dueReminders() over all messages,
//    timed (target: under 2 s).
//
// The servers and the throwaway PostgreSQL are stopped on exit, on Ctrl-C and after 30 minutes.
import { createHash } from "node:crypto";
import { execFileSync } from "node:child_process";
import { closeSync, mkdirSync, openSync, readSync, statSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import autocannon from "autocannon";
import postgres from "postgres";
import { classify, explainEntries, indexUse } from "./inbox-plans.mjs";
import { seedInbox } from "./inbox-seed.mjs";
import { bin, build, childEnvBase, cleanup, distDir, fmt, installCleanup, loginAsDemoResident, needsBuild, percentile, postgresTarget, root, startServer, stopServer } from "./server.mjs";

const OVERALL_LIMIT_MS = 30 * 60_000;
const TARGET_RATIO = 0.6;
const REMINDER_TARGET_MS = 2000;

const args = process.argv.slice(2);
function option(name, fallback) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
}
const options = {
  parties: Number(option("parties", "100000")),
  messages: Number(option("messages", "1000000")),
  heroMessages: Number(option("hero-messages", "5000")),
  duration: Number(option("duration", "10")),
  warmup: Number(option("warmup", "3")),
  rounds: Number(option("rounds", "2")),
  connections: Number(option("connections", "20")),
  port: Number(option("port", "3430")),
  plans: !args.includes("--no-plans"),
};
for (const [name, value] of Object.entries(options)) {
  if (typeof value === "number" && (!Number.isFinite(value) || value < 0)) {
    console.error(`--${name} must be a number`);
    process.exit(2);
  }
}
installCleanup(OVERALL_LIMIT_MS);

/** The logged-in party's BSN: passes the elfproef, not one of the demo residents'. */
const HERO_BSN = (() => {
  for (let n = 700_000_000; ; n++) {
    const digits = String(n);
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += (9 - i) * Number(digits[i]);
    if ((sum - Number(digits[8])) % 11 === 0) return digits;
  }
})();

// --- Load ------------------------------------------------------------------------------------

async function load(url, seconds, headers = {}) {
  const latencies = [];
  const instance = autocannon({ url, connections: options.connections, duration: seconds, headers });
  instance.on("response", (_client, _status, _bytes, responseTime) => latencies.push(responseTime));
  const result = await instance;
  if (process.env.BENCH_DEBUG) console.log(JSON.stringify({ requests: result.requests, errors: result.errors, timeouts: result.timeouts, statusCodeStats: result.statusCodeStats, duration: result.duration }));
  latencies.sort((a, b) => a - b);
  return {
    requestsPerSecond: result.requests.average,
    total: result.requests.total,
    seconds,
    latencies,
    non2xx: result.non2xx,
    errors: result.errors + result.timeouts,
  };
}

/** The rounds of one page as one: all requests over all the time; percentiles over every response. */
function combine(results) {
  const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const total = results.reduce((sum, r) => sum + r.total, 0);
  const seconds = results.reduce((sum, r) => sum + r.seconds, 0);
  return {
    requestsPerSecond: total / seconds,
    rounds: results.map((r) => r.requestsPerSecond),
    total,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    non2xx: results.reduce((sum, r) => sum + r.non2xx, 0),
    errors: results.reduce((sum, r) => sum + r.errors, 0),
  };
}

async function get(base, where, cookie) {
  const response = await fetch(`${base}${where}`, { headers: cookie ? { cookie } : {}, redirect: "manual", signal: AbortSignal.timeout(60_000) });
  return { status: response.status, html: await response.text() };
}

// --- Plans -----------------------------------------------------------------------------------

/** Bytes appended to a file since `from`. */
function readFrom(file, from) {
  const size = statSync(file).size;
  const buffer = Buffer.alloc(Math.max(0, size - from));
  const fd = openSync(file, "r");
  try {
    readSync(fd, buffer, 0, buffer.length, from);
  } finally {
    closeSync(fd);
  }
  return buffer.toString("utf8");
}

/**
 * Restarts the portal with auto_explain logging every statement's plan (ANALYZE, BUFFERS), asks
 * the pages once more and returns the plans of the statements on the inbox tables.
 */
async function capturePlans({ sql, pg, port, dataDir, heroPartyId, messageId }) {
  const logFile = path.join(pg.dir, "server.log");
  const settings = {
    session_preload_libraries: "auto_explain",
    "auto_explain.log_min_duration": "0",
    "auto_explain.log_analyze": "on",
    "auto_explain.log_buffers": "on",
    "auto_explain.log_timing": "on",
    "auto_explain.log_nested_statements": "off",
    "auto_explain.log_format": "text",
  };
  const [{ db }] = await sql`select current_database() as db`;
  for (const [name, value] of Object.entries(settings)) await sql.unsafe(`alter database "${db}" set ${name} = '${value}'`);
  const server = await startServer({ database: "postgres", port, dataDir, databaseUrl: pg.url, wipe: false, limitMs: 120_000 });
  try {
    const base = `http://127.0.0.1:${port}`;
    const cookie = await loginAsDemoResident(base, { bsn: HERO_BSN, level: "midden" });
    // An unread message of the party: opening it runs the UPDATE of the first opening.
    const [unread] = await sql`select id::text from inbox_messages where party_id = ${heroPartyId} and first_opened_at is null order by placed_at desc limit 1 offset 50`;
    const from = statSync(logFile).size;
    const inbox = await get(base, "/mijn/berichten", cookie);
    const next = /href="(\/mijn\/berichten\?na=[^"]+)"/.exec(inbox.html)?.[1]?.replaceAll("&amp;", "&");
    if (next) await get(base, next, cookie);
    await get(base, `/mijn/berichten/${messageId}`, cookie);
    if (unread) await get(base, `/mijn/berichten/${unread.id}`, cookie);
    // The log is written by another process: give it a moment.
    await new Promise((resolve) => setTimeout(resolve, 500));
    const entries = explainEntries(readFrom(logFile, from)).filter((e) => /inbox_messages|inbox_archived_messages|inbox_message_attachments/.test(e.query));
    const seen = new Map();
    for (const entry of entries) {
      const what = classify(entry.query);
      if (!seen.has(entry.query)) seen.set(entry.query, { what, ...entry, ...indexUse(entry.plan) });
    }
    return { plans: [...seen.values()], openedUnread: Boolean(unread), nextPage: Boolean(next) };
  } finally {
    await stopServer(server.child);
    for (const name of Object.keys(settings)) await sql.unsafe(`alter database "${db}" reset ${name}`);
  }
}

// --- Reminder scan ---------------------------------------------------------------------------

/**
 * The reminder scan (R21), timed over all messages: scripts/bench-inbox-reminders.ts calls
 * dueReminders(db, now, [7, 1]) of lib/inbox/reminders.ts with its default limit and with none,
 * twice. Returns { days, rounds: [[{ limit, ms, found }]] }.
 */
function reminderScanStep({ databaseUrl, dataDir }) {
  const out = execFileSync(bin("tsx"), ["--conditions=react-server", path.join(root, "scripts", "bench-inbox-reminders.ts"), "7,1"], {
    cwd: root,
    encoding: "utf8",
    env: { ...childEnvBase, PORTAL_MODE: "demo", DATA_DIR: dataDir, DATABASE_URL: databaseUrl, LOG_LEVEL: "warn" },
    stdio: ["ignore", "pipe", "inherit"],
    timeout: 5 * 60_000,
  });
  return JSON.parse(out.trim().split("\n").pop());
}

// --- Main ------------------------------------------------------------------------------------

async function main() {
  const serverNode = execFileSync(bin("node"), ["--version"], { encoding: "utf8" }).trim();
  const loadAvg = () => os.loadavg().map((l) => l.toFixed(1)).join(" ");
  console.log(`Server on Node ${serverNode}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, load average ${loadAvg()}`);
  console.log(`Command: ${["node", "bench/inbox.mjs", ...args].join(" ")} (build folder ${distDir})\n`);
  if (needsBuild()) console.log(`Build: ${fmt(build() / 1000, 1)} s`);

  const pg = postgresTarget();
  if (!pg) throw new Error("PostgreSQL is needed (BENCH_DATABASE_URL, or PostgreSQL installed for a throwaway server).");
  console.log(`Database: PostgreSQL (${pg.note}).`);
  const sql = postgres(pg.url, { max: 4, onnotice: () => {} });
  const port = options.port;
  const base = `http://127.0.0.1:${port}`;
  const dataDir = path.join(root, ".test-data", "bench-inbox");
  const report = { date: new Date().toISOString(), node: serverNode, cores: os.cpus().length, loadAtStart: loadAvg(), options, database: pg.note };

  try {
    // 1-2. Migrations and demo data (the first start), the party that logs in, then the seed.
    {
      const first = await startServer({ database: "postgres", port, dataDir, databaseUrl: pg.url, wipe: true, limitMs: 120_000 });
      const cookie = await loginAsDemoResident(base, { bsn: HERO_BSN, level: "midden" });
      await stopServer(first.child);
      const token = decodeURIComponent(cookie.slice(cookie.indexOf("=") + 1));
      const tokenHash = createHash("sha256").update(token).digest("base64url");
      const [session] = await sql`select party_id::text from sessions where token_hash = ${tokenHash}`;
      if (!session?.party_id) throw new Error("login: no session with a party found for the cookie");
      report.heroPartyId = session.party_id;
    }
    console.log(`Seeding ${options.parties.toLocaleString("en")} parties and ${options.messages.toLocaleString("en")} messages (${options.heroMessages.toLocaleString("en")} for the logged-in party), set-based:`);
    const seeded = await seedInbox(sql, { parties: options.parties, messages: options.messages, heroMessages: options.heroMessages, heroPartyId: report.heroPartyId, log: console.log });
    report.seed = seeded;
    const c = seeded.counts;
    console.log(`Seeding took ${fmt(seeded.totalMs / 1000, 1)} s in all. Now: ${c.parties.toLocaleString("en")} parties, ${c.messages.toLocaleString("en")} messages (${c.inbox_size} with indexes), the logged-in party ${c.hero_messages.toLocaleString("en")} (${c.hero_unread.toLocaleString("en")} unread); ${c.archived.toLocaleString("en")} archived, ${c.attachments.toLocaleString("en")} attachment rows, ${c.replies.toLocaleString("en")} replies, ${c.terms_running.toLocaleString("en")} terms running.\n`);

    // 6 (run now, printed at the end): the reminder scan, before the portal runs again, because
    // its own reminder job sends what is due (inbox_reminders) and the scan would then find nothing.
    report.reminders = reminderScanStep({ databaseUrl: pg.url, dataDir });

    // 3. A restart on that data; checks that the pages show what they should.
    const [message] = await sql`
      select m.id::text, m.subject from inbox_messages m
      where m.party_id = ${report.heroPartyId} and m.kind = 'decision' and m.first_opened_at is not null
        and exists (select 1 from inbox_message_attachments a where a.message_id = m.id)
      order by m.placed_at desc limit 1`;
    const [foreign] = await sql`select id::text from inbox_messages where party_id <> ${report.heroPartyId} limit 1`;
    const fallback = message ?? (await sql`select id::text, subject from inbox_messages where party_id = ${report.heroPartyId} order by placed_at desc limit 1`)[0];
    if (!fallback) throw new Error("the logged-in party has no messages");
    const messagePath = `/mijn/berichten/${fallback.id}`;
    const server = await startServer({ database: "postgres", port, dataDir, databaseUrl: pg.url, wipe: false, limitMs: 120_000 });
    console.log(`Portal started on ${base} in ${fmt(server.startMs / 1000, 1)} s.`);
    const cookie = await loginAsDemoResident(base, { bsn: HERO_BSN, level: "midden" });
    {
      const inbox = await get(base, "/mijn/berichten", cookie);
      const links = new Set([...inbox.html.matchAll(/href="\/mijn\/berichten\/([0-9a-f-]{36})"/g)].map((m) => m[1]));
      if (inbox.status !== 200 || links.size < Math.min(20, options.heroMessages)) throw new Error(`/mijn/berichten answered ${inbox.status} with ${links.size} message links (a full page expected)`);
      const page = await get(base, messagePath, cookie);
      const subject = fallback.subject.replaceAll("&", "&amp;").replaceAll("'", "&#x27;");
      if (page.status !== 200 || !page.html.includes(subject)) throw new Error(`${messagePath} answered ${page.status}${page.status === 200 ? " without the subject" : ""}`);
      if (foreign) {
        // notFoundPage() redirects to a path no route matches; the final answer is the 404.
        const other = await fetch(`${base}/mijn/berichten/${foreign.id}`, { headers: { cookie }, signal: AbortSignal.timeout(60_000) });
        await other.arrayBuffer();
        if (other.status !== 404) throw new Error(`another party's message answered ${other.status}, not 404`);
      }
      console.log(`Checked: the inbox shows ${links.size} messages, the message page its subject, another party's message is a 404.\n`);
    }

    // 4. Loads: warm-up of each page, then alternating rounds.
    const pages = [
      { name: "home", path: "/", headers: {} },
      // For comparison only (not in the verdict): what a session and the header's unread count cost on the same page.
      { name: "home, logged in", path: "/", headers: { cookie } },
      { name: "inbox", path: "/mijn/berichten", headers: { cookie } },
      { name: "message", path: messagePath, headers: { cookie } },
    ];
    console.log(`Load: autocannon, ${options.connections} connections, ${options.warmup} s warm-up per page, then ${options.rounds} round(s) of ${options.duration} s per page, alternating. Load average now ${loadAvg()}.`);
    for (const p of pages) {
      process.stdout.write(`  warm-up ${p.name} ${p.path.replace(/[0-9a-f-]{36}/, "<id>")}...`);
      await load(`${base}${p.path}`, options.warmup, p.headers);
      console.log(" done");
    }
    const rounds = Object.fromEntries(pages.map((p) => [p.name, []]));
    for (let round = 0; round < options.rounds; round++) {
      for (const p of pages) {
        process.stdout.write(`  round ${round + 1} ${p.name} ${p.path.replace(/[0-9a-f-]{36}/, "<id>")}...`);
        const result = await load(`${base}${p.path}`, options.duration, p.headers);
        rounds[p.name].push(result);
        console.log(` ${fmt(result.requestsPerSecond)} req/s`);
      }
    }
    const still = await get(base, "/mijn", cookie);
    await stopServer(server.child);
    if (still.status !== 200) throw new Error(`the session ended during the load (/mijn answered ${still.status}): the logged-in figures would be of a login page`);
    const measured = Object.fromEntries(pages.map((p) => [p.name, { path: p.path, ...combine(rounds[p.name]) }]));
    report.load = measured;
    report.loadAtEnd = loadAvg();

    console.log(`\n| Page | Path | Req/s (per round) | p50 ms | p95 ms | p99 ms | Non-2xx / errors | Share of / |`);
    console.log("|---|---|---:|---:|---:|---:|---:|---:|");
    for (const p of pages) {
      const r = measured[p.name];
      const share = r.requestsPerSecond / measured.home.requestsPerSecond;
      r.share = share;
      console.log(`| ${p.name} | \`${p.path.replace(/[0-9a-f-]{36}/, "<id>")}\`${p.headers.cookie ? " (session)" : ""} | ${fmt(r.requestsPerSecond, 1)} (${r.rounds.map((x) => fmt(x)).join(", ")}) | ${fmt(r.p50)} | ${fmt(r.p95)} | ${fmt(r.p99)} | ${r.non2xx} / ${r.errors} | ${fmt(share, 2)} |`);
    }
    const verdicts = ["inbox", "message"].map((name) => ({ name, ratio: measured[name].share, pass: measured[name].share >= TARGET_RATIO && measured[name].non2xx === 0 && measured[name].errors === 0 }));
    report.verdicts = verdicts;
    console.log("");
    for (const v of verdicts) console.log(`${v.name}/home = ${fmt(v.ratio, 2)} (target >= ${TARGET_RATIO}): ${v.pass ? "PASS" : "FAIL"}`);
    console.log(`Load average at the end: ${report.loadAtEnd} (shared machine: compare only within one run).`);

    // 5. Plans.
    let seqScan = false;
    if (!options.plans) console.log("\nPlans: skipped (--no-plans).");
    else if (!pg.dir) console.log("\nPlans: skipped (they are read from the throwaway server's log; not with BENCH_DATABASE_URL).");
    else {
      console.log("\nQuery plans of the statements behind the pages (auto_explain: EXPLAIN ANALYZE, BUFFERS of the real statements with their real parameters):");
      const captured = await capturePlans({ sql, pg, port, dataDir, heroPartyId: report.heroPartyId, messageId: fallback.id });
      report.plans = captured.plans;
      for (const p of captured.plans) {
        const verdict = p.seq.includes("inbox_messages") ? "SEQ SCAN ON inbox_messages" : p.used.length ? `index: ${p.used.join(", ")}` : "no index (no scan of a large table)";
        console.log(`\n--- ${p.what} (${fmt(p.ms, 2)} ms): ${verdict}${p.seq.length && !p.seq.includes("inbox_messages") ? `; seq scan on ${p.seq.join(", ")}` : ""}`);
        console.log(p.query.replace(/\s+/g, " "));
        console.log(p.plan);
        if (p.seq.includes("inbox_messages")) seqScan = true;
      }
      const found = new Set(captured.plans.map((p) => p.what));
      const wanted = ["inbox list, first page", "unread count (header)", "message by id", ...(captured.openedUnread ? ["opening: records first_opened_at (R16)"] : []), ...(captured.nextPage ? ["inbox list, next page (keyset)"] : [])];
      const missing = wanted.filter((w) => ![...found].some((f) => f.startsWith(w)));
      console.log(`\nPlans: ${captured.plans.length} statements on the inbox tables; ${missing.length ? `NOT SEEN: ${missing.join(", ")}` : `all of: ${wanted.join(", ")}`}.`);
      if (seqScan) console.error("\n!!! FAIL: a sequential scan over inbox_messages behind a page (see above). !!!");
      report.plansMissing = missing;
      if (missing.length) process.exitCode = 1;
    }

    // 6. The reminder scan.
    console.log("\nReminder scan (dueReminders over all messages, 7 and 1 days before, run right after the seed with the portal stopped; target < 2 s):");
    const reminders = report.reminders;
    for (const [i, round] of reminders.rounds.entries()) {
      console.log(`  ${i === 0 ? "first (cold)" : "second (warm)"}: ${round.map((t) => `limit ${t.limit === "default" ? "default (one slice)" : "none (all due)"} ${fmt(t.ms)} ms, ${t.found} due: ${t.ms < REMINDER_TARGET_MS ? "PASS" : "FAIL"}`).join("; ")}`);
    }
    const reminderFail = reminders.rounds.some((round) => round.some((t) => t.ms >= REMINDER_TARGET_MS));

    mkdirSync(path.join(root, "bench", ".work"), { recursive: true });
    const { plans: _plans, ...short } = report;
    writeFileSync(path.join(root, "bench", ".work", "inbox-last-run.json"), JSON.stringify({ ...short, plans: report.plans?.map(({ what, query, plan, used, seq }) => ({ what, query, plan, used, seq })) }, (key, value) => (key === "latencies" ? undefined : value), 2));
    console.log("\nFull results: bench/.work/inbox-last-run.json");
    if (seqScan || reminderFail || verdicts.some((v) => !v.pass)) process.exitCode = 1;
  } finally {
    await sql.end({ timeout: 5 });
  }
}

main()
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(cleanup);
