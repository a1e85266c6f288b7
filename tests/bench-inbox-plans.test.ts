import { describe, expect, it } from "vitest";
import { classify, explainEntries, indexUse } from "../bench/inbox-plans.mjs";

// Two entries as auto_explain writes them to PostgreSQL's log (text format, tab-indented), with
// an ordinary log line between them; taken from a run of bench/inbox.mjs.
const LOG = [
  "2026-11-29 07:10:01.100 UTC [2001] LOG:  duration: 0.233 ms  plan:",
  '\tQuery Text: select "id", "kind" from "inbox_messages" where "inbox_messages"."party_id" = $1 order by (case when "inbox_messages"."first_opened_at" is null then 1 else 0 end) desc, "inbox_messages"."placed_at" desc, "inbox_messages"."id" desc limit $2',
  "\tLimit  (cost=0.42..81.56 rows=21 width=122) (actual time=0.108..0.213 rows=21 loops=1)",
  "\t  Buffers: shared hit=24",
  "\t  ->  Index Scan Backward using inbox_messages_party_list_idx on inbox_messages  (cost=0.42..21384.68 rows=5535 width=122) (actual time=0.105..0.208 rows=21 loops=1)",
  "\t        Index Cond: (party_id = '8834c7b6-91f1-49ce-b33e-56b83c1e95a9'::uuid)",
  "2026-11-29 07:10:01.200 UTC [2001] LOG:  checkpoint starting: time",
  "2026-11-29 07:10:01.300 UTC [2002] LOG:  duration: 80.5 ms  plan:",
  '\tQuery Text: select count(*) from "inbox_messages" where ("inbox_messages"."party_id" = $1 and "inbox_messages"."first_opened_at" is null)',
  "\tAggregate  (cost=37.00..37.01 rows=1 width=8) (actual time=80.1..80.2 rows=1 loops=1)",
  "\t  ->  Seq Scan on inbox_messages  (cost=0.00..40000.00 rows=1229 width=0) (actual time=0.040..80.0 rows=1475 loops=1)",
  "\t        Filter: ((first_opened_at IS NULL) AND (party_id = '8834c7b6-91f1-49ce-b33e-56b83c1e95a9'::uuid))",
  "",
].join("\n");

describe("reading auto_explain's plans (bench/inbox-plans.mjs)", () => {
  it("finds each statement with its time, text and plan, and skips other log lines", () => {
    const entries = explainEntries(LOG);
    expect(entries).toHaveLength(2);
    expect(entries[0]!.ms).toBe(0.233);
    expect(entries[0]!.query).toMatch(/^select "id", "kind" from "inbox_messages".*limit \$2$/);
    expect(entries[0]!.plan.split("\n")[0]).toMatch(/^Limit {2}\(cost=/);
    expect(entries[0]!.plan).not.toContain("checkpoint");
    expect(entries[1]!.query).toMatch(/^select count\(\*\)/);
  });

  it("tells an index scan from a sequential scan of inbox_messages", () => {
    const [list, count] = explainEntries(LOG);
    expect(indexUse(list!.plan)).toEqual({ used: ["Index Scan Backward using inbox_messages_party_list_idx"], seq: [] });
    expect(indexUse(count!.plan)).toEqual({ used: [], seq: ["inbox_messages"] });
    expect(indexUse("Bitmap Heap Scan on inbox_messages\n  ->  Bitmap Index Scan on inbox_messages_party_unread_idx").used).toEqual(["Bitmap Index Scan on inbox_messages_party_unread_idx"]);
  });

  it("names the statements behind the pages", () => {
    const [list, count] = explainEntries(LOG);
    expect(classify(list!.query)).toBe("inbox list, first page");
    expect(classify(count!.query)).toBe("unread count (header)");
    expect(classify('select "id" from "inbox_messages" where ("inbox_messages"."party_id" = $1 and ((case when 1 then 1 else 0 end), "inbox_messages"."placed_at", "inbox_messages"."id") < ($2, $3, $4)) order by 1 desc limit $5')).toBe("inbox list, next page (keyset)");
    expect(classify('select "sessions"."id", (select count(*) from "inbox_messages" where ("inbox_messages"."party_id" = "sessions"."party_id" and "inbox_messages"."first_opened_at" is null)) from "sessions" left join "parties" on "parties"."id" = "sessions"."party_id" where "sessions"."token_hash" = $1')).toBe("unread count (header), read with the session");
    // The list as the portal sends it now: the page in a subquery, the count of all pages beside it.
    const list2 = 'select "id", exists (select 1 from "inbox_messages" as correction where correction.replaces_message_id = "page"."id"), (select count(*) from (select 1 from "inbox_messages" where ("inbox_messages"."party_id" = $1 and "inbox_messages"."first_opened_at" is null) limit $2) as matching) from (select "id", (case when "first_opened_at" is null then 1 else 0 end) as "rank" from "inbox_messages" where "inbox_messages"."party_id" = $3 order by 2 desc limit $4) "page" order by "page"."rank" desc';
    expect(classify(list2)).toBe("inbox list, first page");
    expect(classify(list2.replace('"party_id" = $3', '"party_id" = $3 and ((case when 1 then 1 else 0 end), "placed_at", "id") < ($5, $6, $7)'))).toBe("inbox list, next page (keyset)");
    expect(classify('select exists (select 1 from "inbox_archived_messages" as archived where archived.message_id = "inbox_messages"."id"), (select coalesce(json_agg(f.id), \'[]\')::text from "inbox_message_attachments" as f where f.message_id = "inbox_messages"."id") from "inbox_messages" where ("inbox_messages"."id" = $1 and "inbox_messages"."party_id" = $2)')).toBe("message by id: its files, corrections and archive state");
    expect(classify('update "inbox_messages" set "first_opened_at" = $1 where ("inbox_messages"."id" = $2 and "inbox_messages"."party_id" = $3 and "inbox_messages"."first_opened_at" is null)')).toBe("opening: records first_opened_at (R16)");
    expect(classify('select "id", "party_id" from "inbox_messages" where ("inbox_messages"."id" = $1 and "inbox_messages"."party_id" = $2)')).toBe("message by id (scoped to the party)");
    expect(classify('select "id" from "inbox_messages" where "inbox_messages"."id" = $1')).toBe("message by id, read again after the opening");
  });
});
