// npm run bench:submissions: the submission benchmark of issue 6, on PostgreSQL.
//
//   node bench/submissions.mjs [--count 200] [--size-mb 1] [--large-mb 25] [--port 3450]
//                              [--product klacht-indienen] [--store database|folder]
//
// 1. Builds the portal when needed (NEXT_DIST_DIR picks the folder), takes PostgreSQL from
//    BENCH_DATABASE_URL or starts a throwaway one (scripts/pg-throwaway.sh), prepares it
//    (scripts/bench-submissions.ts: migrations, demo data and one bench product that takes a
//    30 MB PDF) and starts the built portal with `next start` (bench/server.mjs, as bench/run.mjs).
//    The attachment store is the production default on PostgreSQL (the database) unless --store.
// 2. Memory: one resident logs in, starts a draft of the bench product and uploads a 1 MB file
//    (warm-up). With the server idle, its RSS is sampled every 20 ms for 3 s; then one 25 MB PDF
//    is uploaded while sampling. Prints idle RSS, peak RSS, peak - idle and the target
//    (peak < 1.5 x idle + 25 MB).
// 3. Submissions: --count residents log in through the DigiD simulator (each its own BSN and
//    session); then all of them at once, each as a browser without JavaScript would: start a
//    draft (POST /mijn/aanvragen), upload a 1 MB PDF (POST .../bijlagen, Accept: application/json),
//    post every step with `actie=next` following each 303, and `actie=submit`. Each submission is
//    timed end to end; prints count, p50/p95/max latency and throughput.
// 4. Checks the database: exactly --count submissions, each with its attachment (right size and
//    SHA-256, stored bytes complete), case, receipt inbox message, receipt notification and
//    processing-log entry; no duplicate references; no drafts left; and downloads a few
//    attachments back. Exits non-zero when a submission or check fails (a missed memory target
//    is printed, not fatal).
import { createHash, randomBytes } from "node:crypto";
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import postgres from "postgres";
import { bin, build, childEnvBase, cleanup, fmt, hiddenInputs, decodeHtml, installCleanup, listeningPid, loginAsDemoResident, needsBuild, percentile, postgresTarget, processTree, resetPeakMemory, root, sleep, startServer, stopServer } from "./server.mjs";

const OVERALL_LIMIT_MS = 20 * 60_000;
const REQUEST_TIMEOUT_MS = 5 * 60_000;
const MiB = 1024 * 1024;
const LARGE_PRODUCT = "benchproduct-grote-bijlage";

const args = process.argv.slice(2);
function option(name, fallback) {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] ? args[i + 1] : fallback;
}
const options = {
  count: Number(option("count", "200")),
  sizeMb: Number(option("size-mb", "1")),
  largeMb: Number(option("large-mb", "25")),
  port: Number(option("port", "3450")),
  product: option("product", "klacht-indienen"),
  store: option("store", ""),
  loginConcurrency: Number(option("login-concurrency", "8")),
};
if (options.store && !["database", "folder"].includes(options.store)) {
  console.error("--store is database or folder");
  process.exit(2);
}
installCleanup(OVERALL_LIMIT_MS);

const workDir = path.join(root, "bench", ".work");
mkdirSync(workDir, { recursive: true });

// --- Test data -------------------------------------------------------------------------------

/** The n-th BSN (from `from` up) that passes the elfproef. */
function validBsns(count, from) {
  const out = [];
  for (let n = from; out.length < count; n++) {
    const digits = String(n).padStart(9, "0");
    let sum = 0;
    for (let i = 0; i < 8; i++) sum += (9 - i) * Number(digits[i]);
    sum -= Number(digits[8]);
    if (sum % 11 === 0 && digits !== "000000000") out.push(digits);
  }
  return out;
}

/**
 * A well-formed PDF of exactly `size` bytes: one empty page, and the rest of the bytes in an
 * unreferenced stream of random data (so every file has its own SHA-256). Correct xref offsets.
 */
function makePdf(size, seed = randomBytes(16)) {
  const head = Buffer.from("%PDF-1.7\n%\xe2\xe3\xcf\xd3\n", "latin1");
  const objects = ["<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [3 0 R] /Count 1 >>", "<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] >>"];
  const build = (payloadLength) => {
    const parts = [head];
    const offsets = [];
    let at = head.length;
    const push = (buf) => {
      parts.push(buf);
      at += buf.length;
    };
    objects.forEach((body, i) => {
      offsets.push(at);
      push(Buffer.from(`${i + 1} 0 obj\n${body}\nendobj\n`, "latin1"));
    });
    offsets.push(at);
    push(Buffer.from(`4 0 obj\n<< /Length ${String(payloadLength).padStart(10, "0")} >>\nstream\n`, "latin1"));
    const payload = Buffer.alloc(payloadLength);
    for (let i = 0; i < payloadLength; i += seed.length) seed.copy(payload, i, 0, Math.min(seed.length, payloadLength - i));
    // Cheap but unique: the random seed repeated (each file's hash differs by its seed).
    push(payload);
    push(Buffer.from("\nendstream\nendobj\n", "latin1"));
    const xref = at;
    const entries = offsets.map((o) => `${String(o).padStart(10, "0")} 00000 n \n`).join("");
    push(Buffer.from(`xref\n0 ${offsets.length + 1}\n0000000000 65535 f \n${entries}trailer\n<< /Size ${offsets.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`, "latin1"));
    return Buffer.concat(parts);
  };
  // The numbers in the trailer grow with the file: settle the payload's length in a few rounds.
  let payload = size - build(0).length;
  let pdf = build(payload);
  for (let round = 0; round < 5 && pdf.length !== size; round++) pdf = build((payload += size - pdf.length));
  if (pdf.length !== size) throw new Error(`PDF of ${pdf.length} bytes, wanted ${size}`);
  return pdf;
}

const sha256 = (buf) => createHash("sha256").update(buf).digest("hex");

/** Today minus some days, as YYYY-MM-DD in Europe/Amsterdam. */
function amsterdamDate(daysBack) {
  const d = new Date(Date.now() - daysBack * 86_400_000);
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit" }).format(d);
}

/** The answers of the complaint form (db/seed/forms/klacht-indienen.json; the bench product uses the same form), by input name. */
function answersFor(i) {
  return {
    naam: `Bewoner ${i + 1} Benchmark`,
    email: `bewoner-${i + 1}@example.org`,
    telefoon: "",
    datum: amsterdamDate(3),
    afdeling: "balie",
    wat: `Ik moest lang wachten aan de balie (benchmark, inzending ${i + 1}).`,
    verwachting: "",
    contact: "email",
    toelichting: "",
  };
}

// --- A browser without JavaScript ----------------------------------------------------------

class Step extends Error {
  constructor(step, message, html) {
    super(`${step}: ${message}`);
    this.html = html;
  }
}

/** What an answer says, short: an HTML page's title and first heading, or the start of the text. */
function excerpt(text) {
  if (!/^\s*<!DOCTYPE|^\s*<html/i.test(text)) return text.slice(0, 300);
  const title = /<title[^>]*>([^<]*)<\/title>/.exec(text)?.[1];
  const h1 = /<h1[^>]*>([\s\S]*?)<\/h1>/.exec(text)?.[1]?.replace(/<[^>]+>/g, "");
  return `HTML page "${decodeHtml(title ?? "")}"${h1 ? `, heading "${decodeHtml(h1.trim())}"` : ""}`;
}

/** One resident's browser: a cookie and the base URL; every request bounded in time. */
function browser(base, cookie) {
  const request = async (pathOrUrl, init = {}) => {
    const url = new URL(pathOrUrl, base);
    const headers = { cookie, ...(init.headers ?? {}) };
    if (init.method === "POST") headers.origin = base;
    try {
      return await fetch(url, { ...init, headers, redirect: "manual", signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) });
    } catch (error) {
      // Say which request and why (fetch's own message is only "fetch failed").
      const cause = error?.cause;
      throw new Error(`${init.method ?? "GET"} ${url.pathname.replace(/[0-9a-f-]{36}/g, "<id>")}: ${error?.message}${cause ? ` (${cause.code ?? ""} ${cause.message ?? cause})` : ""}`);
    }
  };
  return {
    request,
    /** GET a page; returns its HTML (200 required). */
    async page(where, step) {
      const response = await request(where);
      const html = await response.text();
      if (response.status !== 200) throw new Error(`${step}: GET ${where} answered ${response.status}`);
      return html;
    },
    /** POST and expect a 303; returns the Location path. */
    async post(where, body, step, headers = {}) {
      const response = await request(where, { method: "POST", body, headers });
      const text = await response.text();
      const location = response.headers.get("location");
      if (response.status !== 303 || !location) throw new Step(step, `POST ${where} answered ${response.status}${location ? ` -> ${location}` : ""}: ${excerpt(text)}`, text);
      return new URL(location, base).pathname;
    },
  };
}

/** The form of a page that posts to `action` (a path), with what a browser would send for it. */
function formFor(html, action) {
  const forms = [...html.matchAll(/<form\b([^>]*)>([\s\S]*?)<\/form>/g)].map((m) => ({ attrs: m[1], inner: m[2], action: decodeHtml(/\saction="([^"]*)"/.exec(m[1])?.[1] ?? "") }));
  const form = forms.find((f) => f.action && new URL(f.action, "http://x").pathname === action && f.inner.includes('name="actie"')) ?? forms.find((f) => f.inner.includes('name="actie"'));
  if (!form) return null;
  const multipart = /enctype="multipart\/form-data"/.test(form.attrs);
  const fields = [...hiddenInputs(form.inner)];
  const names = new Set();
  // Check boxes the answers do not mention are ticked (a declaration on the check page).
  const ticked = new Map();
  for (const m of form.inner.matchAll(/<(input|select|textarea)\b([^>]*)>/g)) {
    const name = /\sname="([^"]*)"/.exec(m[2])?.[1];
    const type = m[1] === "input" ? (/\stype="([^"]*)"/.exec(m[2])?.[1] ?? "text") : m[1];
    if (!name || ["hidden", "submit", "button", "file"].includes(type) || name === "actie") continue;
    names.add(decodeHtml(name));
    if (type === "checkbox") ticked.set(decodeHtml(name), decodeHtml(/\svalue="([^"]*)"/.exec(m[2])?.[1] ?? "on"));
  }
  const canSubmit = /name="actie"[^>]*value="submit"|value="submit"[^>]*name="actie"/.test(form.inner);
  const files = new Set([...form.inner.matchAll(/<input\b[^>]*type="file"[^>]*>/g)].map((m) => decodeHtml(/\sname="([^"]*)"/.exec(m[0])?.[1] ?? "")).filter(Boolean));
  return { multipart, hidden: fields, names, files, ticked, canSubmit };
}

/** The body of a step's post: hidden fields, the answers for the inputs on the page, no new file, and the button. */
function stepBody(form, answers, actie) {
  const pairs = [...form.hidden];
  for (const name of form.names) pairs.push([name, answers[name] ?? form.ticked.get(name) ?? ""]);
  pairs.push(["actie", actie]);
  if (!form.multipart) return new URLSearchParams(pairs);
  const body = new FormData();
  for (const [k, v] of pairs) body.append(k, v);
  // A browser sends an empty file part for a file input where nothing was chosen.
  for (const name of form.files) body.append(name, new File([], "", { type: "application/octet-stream" }));
  return body;
}

async function uploadFile(b, draftPath, file, name) {
  const body = new FormData();
  body.append("veld", "bijlagen");
  body.append("bestand", new File([file], name, { type: "application/pdf" }));
  const response = await b.request(`${draftPath}/bijlagen`, { method: "POST", body, headers: { accept: "application/json" } });
  const text = await response.text();
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    json = null;
  }
  return { status: response.status, json, text };
}

/** Starts a draft of a product; returns the draft's path and its first page. */
async function startDraft(b, product) {
  const draftPath = await b.post("/mijn/aanvragen", new URLSearchParams({ product }), "start");
  if (!/^\/mijn\/aanvragen\/[0-9a-f-]{36}$/.test(draftPath)) throw new Step("start", `redirected to ${draftPath}, not to a draft`);
  return draftPath;
}

/** One submission, end to end. Returns its timings, the submission's id and the file's hash. */
async function submitOne(base, cookie, i, { file, expected }) {
  const b = browser(base, cookie);
  const started = performance.now();
  const marks = {};
  const mark = (name) => (marks[name] = performance.now() - started);
  const draftPath = await startDraft(b, options.product);
  let html = await b.page(draftPath, "first page");
  mark("started");
  const upload = await uploadFile(b, draftPath, file, `bewijs-${i + 1}.pdf`);
  if (upload.status !== 201) throw new Step("upload", `answered ${upload.status}: ${excerpt(upload.text)}`);
  if (upload.json?.attachment?.sha256 !== expected) throw new Step("upload", `SHA-256 ${upload.json?.attachment?.sha256} answered, ${expected} sent`);
  mark("uploaded");
  const answers = answersFor(i);
  let where = draftPath;
  for (let step = 0; step < 10; step++) {
    const form = formFor(html, draftPath);
    if (!form) throw new Step(`step ${step + 1}`, "no form with an `actie` button on the page", html);
    where = await b.post(draftPath, stepBody(form, answers, form.canSubmit ? "submit" : "next"), form.canSubmit ? "submit" : `step ${step + 1}`);
    if (where.startsWith("/mijn/inzendingen/")) break;
    if (where !== draftPath) throw new Step(`step ${step + 1}`, `redirected to ${where}`);
    html = await b.page(draftPath, `step ${step + 2}`);
    // The same fields again: the step was refused (the page shows the errors); stop with it.
    const again = formFor(html, draftPath);
    if (form.canSubmit || (again && !again.canSubmit && [...again.names].join() === [...form.names].join())) throw new Step(form.canSubmit ? "submit" : `step ${step + 1}`, "the page came back (with errors?)", html);
    if (step === 9) throw new Step("steps", "no check page after 10 steps", html);
  }
  const match = /^\/mijn\/inzendingen\/([0-9a-f-]{36})$/.exec(where);
  if (!match) throw new Step("submit", `ended at ${where}, not at a receipt`, html);
  mark("submitted");
  // The receipt page (R6). A 404 is tolerated and reported: the page may live on another branch
  // than the flow being measured; then the time ends at the submit's 303.
  const receipt = await b.request(where);
  await receipt.arrayBuffer();
  if (receipt.status !== 200 && receipt.status !== 404) throw new Step("receipt page", `GET ${where} answered ${receipt.status}`);
  const ms = receipt.status === 200 ? performance.now() - started : marks.submitted;
  return { i, ms, marks, submissionId: match[1], sha256: expected, attachmentId: upload.json.attachment.id, cookie, receiptStatus: receipt.status };
}

async function inBatches(items, concurrency, fn) {
  const results = new Array(items.length);
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(concurrency, items.length) }, async () => {
      while (next < items.length) {
        const i = next++;
        results[i] = await fn(items[i], i);
      }
    }),
  );
  return results;
}

// --- Memory --------------------------------------------------------------------------------

function rssMiB(pid) {
  try {
    return Number(/^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? NaN) / 1024;
  } catch {
    return NaN;
  }
}
function hwmMiB(pid) {
  try {
    return Number(/^VmHWM:\s+(\d+) kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"))?.[1] ?? NaN) / 1024;
  } catch {
    return NaN;
  }
}

/** Samples the server's RSS (and its process tree's) every 20 ms until stopped. */
function sampler(pid) {
  const samples = [];
  const tree = processTree(pid);
  const take = () => samples.push({ at: performance.now(), rss: rssMiB(pid), tree: tree.reduce((sum, p) => sum + (rssMiB(p) || 0), 0) });
  take();
  const timer = setInterval(take, 20);
  return {
    samples,
    tree,
    stop() {
      clearInterval(timer);
      take();
      return samples;
    },
  };
}

const median = (values) => {
  const s = [...values].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : NaN;
};

async function memoryPhase(base, pid, stderr) {
  const cookie = await loginAsDemoResident(base, { bsn: validBsns(1, 800_000_000)[0], level: "midden" });
  const b = browser(base, cookie);
  const result = { product: LARGE_PRODUCT };
  let draftPath;
  try {
    draftPath = await startDraft(b, LARGE_PRODUCT);
    await b.page(draftPath, "draft page");
    // Warm-up: the upload path once (code loaded, pool open), then a pause.
    const warm = await uploadFile(b, draftPath, makePdf(MiB), "opwarmen.pdf");
    result.warmUpStatus = warm.status;
  } catch (error) {
    result.error = `before the large upload: ${error.message}`;
    return result;
  }
  await sleep(2000);
  const idle = sampler(pid);
  await sleep(3000);
  const idleSamples = idle.stop();
  result.idleMiB = median(idleSamples.map((s) => s.rss));
  result.idleTreeMiB = median(idleSamples.map((s) => s.tree));
  result.treePids = idle.tree;
  const hwmReset = resetPeakMemory(pid);
  const large = makePdf(Math.round(options.largeMb * MiB));
  const expected = sha256(large);
  const stderrBefore = stderr.length;
  const during = sampler(pid);
  const uploadStarted = performance.now();
  const upload = await uploadFile(b, draftPath, large, "groot-bestand.pdf").catch((error) => ({ status: 0, text: String(error), json: null }));
  result.uploadMs = performance.now() - uploadStarted;
  await sleep(1000);
  const duringSamples = during.stop();
  result.sampledPeakMiB = Math.max(...duringSamples.map((s) => s.rss));
  result.sampledPeakTreeMiB = Math.max(...duringSamples.map((s) => s.tree));
  result.hwmMiB = hwmReset ? hwmMiB(pid) : NaN;
  result.peakMiB = Math.max(result.sampledPeakMiB, Number.isFinite(result.hwmMiB) ? result.hwmMiB : 0);
  result.samples = duringSamples.length;
  result.uploadStatus = upload.status;
  result.uploadOk = upload.status === 201 && upload.json?.attachment?.sha256 === expected && upload.json?.attachment?.size === large.length;
  if (!result.uploadOk) result.uploadAnswer = excerpt(upload.text);
  result.serverWarnings = Buffer.concat(stderr.slice(stderrBefore)).toString().trim().slice(0, 1000);
  result.largeBytes = large.length;
  result.targetMiB = 1.5 * result.idleMiB + options.largeMb;
  result.pass = result.peakMiB < result.targetMiB;
  return result;
}

// --- Checks in the database ------------------------------------------------------------------

async function verify(sql, since, done, size, store) {
  const checks = [];
  const check = (name, ok, detail) => checks.push({ name, ok: Boolean(ok), detail });
  const N = options.count;
  const subs = await sql`select id::text, party_id::text, reference from submissions where received_at >= ${since}`;
  const ids = subs.map((s) => s.id);
  check(`${N} submissions stored`, subs.length === N, `${subs.length} found`);
  check("one submission per resident", new Set(subs.map((s) => s.party_id)).size === subs.length, `${new Set(subs.map((s) => s.party_id)).size} residents`);
  const clientIds = new Set(done.map((d) => d.submissionId));
  check("the submissions the residents were sent to are the stored ones", clientIds.size === done.length && ids.every((id) => clientIds.has(id)) && [...clientIds].every((id) => ids.includes(id)), `${clientIds.size} receipts seen, ${ids.length} stored`);
  const dupes = await sql`select reference, count(*)::int as n from submissions group by reference having count(*) > 1`;
  check("no duplicate references", dupes.length === 0 && new Set(subs.map((s) => s.reference)).size === subs.length, `${dupes.length} duplicated`);

  const atts = await sql`select submission_id::text, size_bytes, sha256, blob_key from submission_attachments where submission_id::text = any(${ids})`;
  const expected = new Map(done.map((d) => [d.submissionId, d.sha256]));
  const perSub = new Map();
  for (const a of atts) perSub.set(a.submission_id, (perSub.get(a.submission_id) ?? 0) + 1);
  check(`${N} submission attachments, one per submission`, atts.length === N && perSub.size === N && [...perSub.values()].every((n) => n === 1), `${atts.length} attachments on ${perSub.size} submissions`);
  const wrong = atts.filter((a) => a.size_bytes !== size || a.sha256 !== expected.get(a.submission_id));
  check(`each attachment ${size} bytes with the SHA-256 of the file sent`, wrong.length === 0 && atts.length > 0, `${wrong.length} wrong`);
  if (store === "database") {
    const keys = atts.map((a) => a.blob_key);
    const blobs = await sql`select b.key, b.size, b.sha256, coalesce(sum(length(c.bytes)), 0)::bigint as stored from stored_blobs b left join blob_chunks c on c.key = b.key where b.key = any(${keys}) group by b.key, b.size, b.sha256`;
    const byKey = new Map(blobs.map((b) => [b.key, b]));
    const bad = atts.filter((a) => {
      const blob = byKey.get(a.blob_key);
      return !blob || blob.size !== size || Number(blob.stored) !== size || blob.sha256 !== a.sha256;
    });
    check("the bytes of each attachment are stored completely (stored_blobs + blob_chunks)", bad.length === 0 && atts.length > 0, `${blobs.length} blobs, ${bad.length} incomplete or wrong`);
  }

  const cases = await sql`select submission_id::text, status from cases where submission_id::text = any(${ids})`;
  check(`${N} cases, status received`, cases.length === N && new Set(cases.map((c) => c.submission_id)).size === N && cases.every((c) => c.status === "received"), `${cases.length} cases`);
  const events = await sql`select count(*)::int as n from case_events e join cases c on c.id = e.case_id where c.submission_id::text = any(${ids}) and e.kind = 'opened'`;
  check(`${N} "opened" case events`, events[0].n === N, `${events[0].n}`);
  const inbox = await sql`select submission_id::text from inbox_messages where kind = 'receipt' and submission_id::text = any(${ids})`;
  check(`${N} receipt messages in the inboxes, one per submission`, inbox.length === N && new Set(inbox.map((m) => m.submission_id)).size === N, `${inbox.length} messages`);
  const notices = await sql`select submission_ref from notifications where kind = 'receipt' and submission_ref = any(${ids})`;
  check(`${N} receipt notifications, one per submission`, notices.length === N && new Set(notices.map((n) => n.submission_ref)).size === N, `${notices.length} notifications`);
  const logged = await sql`select count(*)::int as n from processing_log where operation_name = 'submission.receive' and data_subject_id::text = any(${subs.map((s) => s.party_id)})`;
  check(`${N} processing-log entries (submission.receive)`, logged[0].n === N, `${logged[0].n}`);
  const drafts = await sql`select count(*)::int as n from submission_drafts where created_at >= ${since}`;
  check("no drafts left", drafts[0].n === 0, `${drafts[0].n} left`);
  return checks;
}

/** Downloads a few attachments back through the portal and compares their SHA-256. */
async function downloadBack(base, done, count = 5) {
  const picked = done.filter((_, i) => i % Math.max(1, Math.floor(done.length / count)) === 0).slice(0, count);
  let ok = 0;
  const problems = [];
  for (const d of picked) {
    const b = browser(base, d.cookie);
    const html = await b.page(`/mijn/inzendingen/${d.submissionId}`, "receipt");
    const link = [...html.matchAll(/href="(\/mijn\/inzendingen\/[0-9a-f-]{36}\/bijlagen\/[0-9a-f-]{36})"/g)].map((m) => m[1])[0];
    if (!link) {
      problems.push(`no attachment link on the receipt page of ${d.submissionId}`);
      continue;
    }
    const response = await b.request(link);
    const bytes = Buffer.from(await response.arrayBuffer());
    if (response.status === 200 && sha256(bytes) === d.sha256) ok++;
    else problems.push(`${link}: ${response.status}, ${bytes.length} bytes`);
  }
  return { ok, tried: picked.length, problems };
}

// --- Main ------------------------------------------------------------------------------------

async function main() {
  const serverNode = execFileSync(bin("node"), ["--version"], { encoding: "utf8" }).trim();
  const load = os.loadavg().map((l) => l.toFixed(1)).join(" ");
  console.log(`Server on Node ${serverNode}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, load average ${load}`);
  console.log(`Command: ${["node", "bench/submissions.mjs", ...args].join(" ")}${process.env.NEXT_DIST_DIR ? ` (NEXT_DIST_DIR=${process.env.NEXT_DIST_DIR})` : ""}\n`);
  if (needsBuild()) console.log(`Build: ${fmt(build() / 1000, 1)} s`);

  const pg = postgresTarget();
  if (!pg) throw new Error("PostgreSQL is needed (BENCH_DATABASE_URL, or PostgreSQL installed for a throwaway server).");
  const store = options.store || "database";
  console.log(`Database: PostgreSQL (${pg.note}). Attachment store: ${store}${options.store ? " (--store)" : " (the default on PostgreSQL: ATTACHMENT_STORE unset)"}. Server database pool: 10 connections (db/index.ts).`);
  const dataDir = path.join(root, ".test-data", "bench-submissions");
  const serverEnv = options.store ? { ATTACHMENT_STORE: options.store } : { ATTACHMENT_STORE: "" };
  const prepared = execFileSync(bin("tsx"), ["--conditions=react-server", path.join(root, "scripts", "bench-submissions.ts")], {
    cwd: root,
    encoding: "utf8",
    env: { ...childEnvBase, PORTAL_MODE: "demo", DATA_DIR: dataDir, DATABASE_URL: pg.url, LOG_LEVEL: "warn", ...serverEnv },
    stdio: ["ignore", "pipe", "inherit"],
  });
  const setup = JSON.parse(prepared.trim().split("\n").pop());
  console.log(`Prepared: migrations, demo data, bench product "${setup.product}". Upload limits: ${Object.entries(setup.maxUploadBytes).map(([slug, bytes]) => `${slug} ${fmt(bytes / MiB, 1)} MB`).join(", ")}.`);

  const port = options.port;
  const base = `http://127.0.0.1:${port}`;
  const server = await startServer({ database: "postgres", port, dataDir, databaseUrl: pg.url, wipe: true, env: serverEnv, limitMs: 120_000 });
  const pid = server.pid ?? listeningPid(port);
  console.log(`Portal started on ${base} in ${fmt(server.startMs / 1000, 1)} s (pid ${pid}).\n`);
  const report = { date: new Date().toISOString(), node: serverNode, cores: os.cpus().length, loadAtStart: load, options, store, database: pg.note };

  // 1. Memory during a large upload.
  process.stdout.write(`Memory: idle for 3 s, then one ${options.largeMb} MB upload...`);
  const memory = await memoryPhase(base, pid, server.stderr);
  report.memory = memory;
  console.log(" done.");

  // 2. Submissions.
  const size = Math.round(options.sizeMb * MiB);
  const bsns = validBsns(options.count, 100_000_000 + Math.floor(Math.random() * 400_000_000));
  process.stdout.write(`Logging in ${options.count} residents through the DigiD simulator (${options.loginConcurrency} at a time)...`);
  const loginStarted = performance.now();
  const cookies = await inBatches(bsns, options.loginConcurrency, (bsn) => loginAsDemoResident(base, { bsn, level: "midden", check: false }));
  const loginSeconds = (performance.now() - loginStarted) / 1000;
  console.log(` ${fmt(loginSeconds, 1)} s.`);
  // The files are made beforehand (making 200 at the moment of the burst would stall this
  // process for seconds), and the login connections are left to close first: the server closes
  // an idle connection after 5 s, and a post sent on one it is closing fails with "other side
  // closed" (a browser would send it again; fetch does not).
  const files = bsns.map(() => {
    const file = makePdf(size);
    return { file, expected: sha256(file) };
  });
  await sleep(6000);
  const since = new Date(Date.now() - 1000);
  process.stdout.write(`Submitting: ${options.count} residents at once, each a ${options.sizeMb} MB PDF, product ${options.product}...`);
  const phaseStarted = performance.now();
  const settled = await Promise.allSettled(cookies.map((cookie, i) => submitOne(base, cookie, i, files[i])));
  const phaseSeconds = (performance.now() - phaseStarted) / 1000;
  const done = settled.filter((s) => s.status === "fulfilled").map((s) => s.value);
  const failed = settled.map((s, i) => ({ s, i })).filter(({ s }) => s.status === "rejected");
  console.log(` ${fmt(phaseSeconds, 1)} s.`);
  if (failed.length) {
    const first = failed[0].s.reason;
    if (first?.html) writeFileSync(path.join(workDir, "submissions-failure.html"), first.html);
    const reasons = new Map();
    for (const { s } of failed) {
      const key = String(s.reason?.message ?? s.reason).replace(/[0-9a-f-]{36}/g, "<id>").slice(0, 200);
      reasons.set(key, (reasons.get(key) ?? 0) + 1);
    }
    console.log(`\n${failed.length} submission(s) failed:`);
    for (const [reason, n] of reasons) console.log(`  ${n} x ${reason}`);
    if (first?.html) console.log(`  (the first failure's page: bench/.work/submissions-failure.html)`);
  }
  const latencies = done.map((d) => d.ms).sort((a, b) => a - b);
  const phase = (name) => done.map((d) => d.marks[name]).sort((a, b) => a - b);
  report.submissions = {
    count: options.count,
    succeeded: done.length,
    failed: failed.length,
    seconds: phaseSeconds,
    throughput: done.length / phaseSeconds,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    max: latencies.at(-1),
    startedP95: percentile(phase("started"), 95),
    uploadedP95: percentile(phase("uploaded"), 95),
    loginSeconds,
  };

  // 3. Checks.
  const sql = postgres(pg.url, { max: 2, onnotice: () => {} });
  let checks;
  try {
    checks = await verify(sql, since, done, size, store);
  } finally {
    await sql.end({ timeout: 5 });
  }
  const receiptMissing = done.length > 0 && done.every((d) => d.receiptStatus === 404);
  report.submissions.receiptPage = receiptMissing ? "missing (404): times end at the submit's 303" : "200";
  if (receiptMissing) {
    checks.push({ name: "attachments downloaded back through the portal have the same SHA-256", ok: true, detail: "skipped: this build has no receipt page (/mijn/inzendingen/<id> answered 404)" });
  } else {
    const back = done.length ? await downloadBack(base, done) : { ok: 0, tried: 0, problems: ["nothing submitted"] };
    checks.push({ name: "attachments downloaded back through the portal have the same SHA-256", ok: back.tried > 0 && back.ok === back.tried, detail: `${back.ok}/${back.tried}${back.problems.length ? `; ${back.problems[0]}` : ""}` });
    const receipts = done.filter((d) => d.receiptStatus !== 200).length;
    checks.push({ name: "every resident got the receipt page (200)", ok: receipts === 0, detail: `${receipts} without` });
  }
  report.checks = checks;
  const warnings = Buffer.concat(server.stderr).toString().trim();
  await stopServer(server.child);

  // --- Report ----------------------------------------------------------------------------
  const s = report.submissions;
  console.log(`\nSubmissions (${options.count} residents at once, each: start a draft, upload ${options.sizeMb} MB, post every step, submit, receipt page; every 303 followed):\n`);
  console.log("| Submitted | Failed | p50 ms | p95 ms | Max ms | Wall time | Throughput |");
  console.log("|---:|---:|---:|---:|---:|---:|---:|");
  console.log(`| ${s.succeeded} | ${s.failed} | ${fmt(s.p50)} | ${fmt(s.p95)} | ${fmt(s.max)} | ${fmt(s.seconds, 1)} s | ${fmt(s.throughput, 1)} submissions/s |`);
  console.log(`\n  of which p95 until the draft's first page: ${fmt(s.startedP95)} ms; until the upload answered: ${fmt(s.uploadedP95)} ms. Logins beforehand: ${fmt(s.loginSeconds, 1)} s.`);
  if (s.receiptPage !== "200") console.log(`  The receipt page: ${s.receiptPage}.`);
  console.log("\nChecks in the database:\n");
  for (const c of checks) console.log(`  ${c.ok ? "ok  " : "FAIL"} ${c.name} (${c.detail})`);
  const m = memory;
  console.log(`\nMemory of the server process (pid ${pid}, VmRSS every 20 ms${Number.isFinite(m.hwmMiB) ? " and VmHWM reset before the upload" : ""}) during one ${options.largeMb} MB upload (${m.product}, store ${store}):\n`);
  if (m.error) console.log(`  could not measure: ${m.error}`);
  else {
    console.log("| Idle RSS MiB | Peak RSS MiB | Peak - idle MiB | Target: 1.5 x idle + 25 MiB | Upload | Met |");
    console.log("|---:|---:|---:|---:|---|---|");
    console.log(`| ${fmt(m.idleMiB)} | ${fmt(m.peakMiB)} | ${fmt(m.peakMiB - m.idleMiB)} | ${fmt(m.targetMiB)} | ${m.uploadOk ? `201 in ${fmt(m.uploadMs)} ms` : `FAILED (${m.uploadStatus})`} | ${m.uploadOk ? (m.pass ? "PASS" : "FAIL") : "FAIL (no upload)"} |`);
    console.log(`\n  sampled peak ${fmt(m.sampledPeakMiB)} MiB over ${m.samples} samples; VmHWM ${fmt(m.hwmMiB)} MiB; process tree (${m.treePids.length} process(es)) idle ${fmt(m.idleTreeMiB)} MiB, peak ${fmt(m.sampledPeakTreeMiB)} MiB.`);
    if (!m.uploadOk) console.log(`  the upload's answer: ${m.uploadAnswer}`);
    if (m.serverWarnings) console.log(`  the server said during the upload: ${m.serverWarnings}`);
  }
  const serverNoise = warnings.split("\n").filter((l) => l.trim()).slice(-10);
  if (serverNoise.length) console.log(`\nThe server's last lines on stderr:\n  ${serverNoise.join("\n  ")}`);

  writeFileSync(path.join(workDir, "submissions-last-run.json"), JSON.stringify(report, null, 2));
  console.log("\nFull results: bench/.work/submissions-last-run.json");
  const bad = checks.filter((c) => !c.ok).length + (s.failed > 0 ? 1 : 0) + (m.error || !m.uploadOk ? 1 : 0);
  if (bad > 0) {
    console.error(`\n${bad} check(s) failed.`);
    process.exitCode = 1;
  }
}

main()
  .catch((error) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  })
  .finally(cleanup);
