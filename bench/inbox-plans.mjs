// Reading the plans of the inbox benchmark (bench/inbox.mjs) out of PostgreSQL's log, where
// auto_explain wrote them: one entry per statement, what it is for, and which indexes it used.
// Pure functions (tests/bench-inbox-plans.test.ts).

/** auto_explain's entries in a PostgreSQL log: { query, plan } per statement. */
export function explainEntries(log) {
  const out = [];
  // An entry: "... LOG:  duration: 0.123 ms  plan:\n\tQuery Text: ...\n\t<plan lines>" up to the next log line.
  const parts = log.split(/\n(?=\d{4}-\d\d-\d\d \d\d:\d\d:\d\d)/);
  for (const part of parts) {
    const m = /LOG:\s+duration: ([\d.]+) ms\s+plan:\n([\s\S]*)$/.exec(part);
    if (!m) continue;
    const body = m[2].replace(/^\t/gm, "");
    const q = /^Query Text: ([\s\S]*?)\n(?=\S.*\(cost=|\S.*\(actual|[A-Z][\w ]+(?: on |\s*\())/m.exec(body);
    const query = (q ? q[1] : body.split("\n")[0].replace(/^Query Text: /, "")).trim();
    const plan = (q ? body.slice(q[0].length) : body.split("\n").slice(1).join("\n")).trimEnd();
    out.push({ ms: Number(m[1]), query, plan });
  }
  return out;
}

/** What a statement on the inbox tables is for, from its text (the ones the pages run). */
export function classify(query) {
  const q = query.toLowerCase().replace(/\s+/g, " ");
  if (q.startsWith("update") && q.includes('"inbox_messages"') && q.includes("first_opened_at")) return "opening: records first_opened_at (R16)";
  if (/^select count\(\*\) from "inbox_messages" where/.test(q) && q.includes("first_opened_at") && q.includes("is null")) return "unread count (header)";
  // The portal reads the header's count with the session (lib/auth/session.ts): one statement.
  if (q.includes('from "sessions"') && q.includes('(select count(*) from "inbox_messages" where') && q.includes("first_opened_at")) return "unread count (header), read with the session";
  // The list: its page in a subquery ("page"), with the count of all pages in the same statement.
  if (q.includes('from "inbox_messages"') && q.includes("order by") && q.includes("limit")) return q.includes(") < (") ? "inbox list, next page (keyset)" : "inbox list, first page";
  if (q.includes("json_agg") && q.includes("inbox_message_attachments")) return "message by id: its files, corrections and archive state";
  if (q.includes('from "inbox_messages"') && /"inbox_messages"\."id" = \$\d/.test(q)) return q.includes('"party_id" = $') ? "message by id (scoped to the party)" : "message by id, read again after the opening";
  if (q.includes("inbox_message_attachments")) return "message attachments";
  if (q.includes("inbox_archived_messages")) return "archive";
  return "other statement on the inbox tables";
}

export function indexUse(plan) {
  const used = [...plan.matchAll(/(Index Only Scan(?: Backward)?|Index Scan(?: Backward)?) using (\S+)|(Bitmap Index Scan) on (\S+)/g)].map((m) => (m[1] ? `${m[1]} using ${m[2]}` : `${m[3]} on ${m[4]}`));
  const seq = [...plan.matchAll(/Seq Scan on (\S+)/g)].map((m) => m[1]);
  return { used: [...new Set(used)], seq: [...new Set(seq)] };
}
