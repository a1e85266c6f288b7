// The data of the inbox benchmark (bench/inbox.mjs), seeded set-based: every row is a function of
// its number g in generate_series, so no row goes back and forth between Node and PostgreSQL and
// the statements that add the archive, the attachments and the replies find "their" messages by
// computing the same expressions again (no join over a million rows, no temporary copy).
//
// What it makes (with --parties P and --messages M; one party, the "hero", is a real resident who
// logged in through the DigiD simulator and gets --hero-messages H of the M messages):
// - P - 1 made-up parties (90 % persons with a fake BSN hash, 10 % businesses with a fake KvK
//   number); the hero is the P-th. Their ids are uuidOf(1, n).
// - M messages; H of them (every (M/H)-th row) the hero's, the others spread over the made-up parties. Kinds:
//   20 % receipt (each with its own submission), 25 % decision (objection term of 6 weeks and a
//   day), 15 % information request (a term of 2 or 4 weeks), 40 % information. Placed over the
//   last three years, 5 % in the last 30 days (so terms are running and reminders are due);
//   30 % unread, the rest opened within 3 days of placing.
// - inbox_archived_messages: 12 % of the opened messages.
// - inbox_message_attachments: half of the decisions have one PDF row (the row only: no bytes,
//   the download route is not part of the benchmark).
// - channel_consents: a reminder consent for 80 % of the parties (digital for 7 in 8 of those)
//   and for the hero, so the reminder scan (which needs one) finds reminders due.
// - submissions: one per receipt, and a reply (in_reply_to_message_id) to half of the information
//   requests (R21: no reminder for those).
//
// Only for a throwaway database: it writes a million rows and assumes nothing else writes.

/**
 * The id of the n-th row of one kind (1 parties, 2 messages, 3 submissions behind receipts,
 * 4 attachments, 5 replies): a UUID of version-4 shape (any UUID check accepts it), made from the
 * number, so another statement computes the same id again. Ids in row order also keep the
 * primary-key index builds cheap (appends, not random inserts); no query depends on their order.
 */
const uuidOf = (kind, n) => `('0000000${kind}-0000-4000-8000-' || lpad(to_hex(${n}), 12, '0'))::uuid`;

/** A deterministic number 0..999 from the row number and a salt (a small integer): the "dice" of the seed. */
const dice = (salt) => `(abs(hashint8(g * 64 + ${salt})) % 1000)`;

function planSql({ parties, messages, heroMessages, heroPartyId, now }) {
  const nowLit = `'${now.toISOString()}'::timestamptz`;
  const others = parties - 1;
  // The hero's messages are every stride-th row, so they lie spread over the table as a real
  // party's messages placed over the years would (not packed in the first pages of the heap).
  const stride = Math.max(1, Math.floor(messages / Math.max(1, heroMessages)));
  const party = `(case when g % ${stride} = 0 and g / ${stride} <= ${heroMessages} then '${heroPartyId}'::uuid else ${uuidOf(1, `(1 + abs(hashint8(g * 64 + 10)) % ${others})`)} end)`;
  const kind = `(case when ${dice(1)} < 200 then 'receipt' when ${dice(1)} < 450 then 'decision' when ${dice(1)} < 600 then 'information-request' else 'information' end)`;
  // 5 % in the last 30 days, the rest over three years.
  const ageSeconds = `(case when ${dice(2)} < 50 then abs(hashint8(g * 64 + 8)) % (30 * 86400) else abs(hashint8(g * 64 + 8)) % (3 * 365 * 86400) end)`;
  return `
    select g,
      ${uuidOf(2, "g")} as id,
      ${party} as party_id,
      ${kind} as kind,
      ${nowLit} - make_interval(secs => ${ageSeconds}) as placed_at,
      ${dice(3)} < 300 as unread,
      ${dice(4)} < 500 as four_weeks,
      ${dice(5)} < 120 as archived,
      ${dice(6)} < 500 as with_file,
      ${dice(7)} < 500 as replied,
      abs(hashint8(g * 64 + 9)) % (72 * 3600) as open_after_seconds
    from generate_series(1, ${messages}) g`;
}

const SUBJECTS = {
  receipt: "'Ontvangstbevestiging van uw ' || (array['aanvraag','melding','klacht','bezwaar'])[1 + g % 4] || ' ' || 'BENCH-' || g",
  decision: "'Besluit op uw ' || (array['aanvraag parkeervergunning','aanvraag omgevingsvergunning','verzoek kwijtschelding','aanvraag bijzondere bijstand'])[1 + g % 4]",
  "information-request": "'Verzoek om aanvullende informatie over uw ' || (array['aanvraag','melding','verzoek'])[1 + g % 3]",
  information: "(array['Uw afspraak bij de balie','Wijziging in de afvalinzameling','Uw aanvraag is in behandeling','Herinnering: uw paspoort verloopt'])[1 + g % 4]",
};
const BODY =
  "'Beste bewoner,' || chr(10) || chr(10) || 'In dit bericht leest u wat wij hebben besloten of wat wij van u nodig hebben. Lees het bericht goed. Heeft u vragen? Bel ons op 14 020 of stuur een bericht via MijnOmgeving. Vermeld dan het kenmerk ' || g || '.' || chr(10) || chr(10) || 'Met vriendelijke groet,' || chr(10) || 'Team Dienstverlening'";

/**
 * Seeds the benchmark data through a postgres.js connection. Returns the timings per step in
 * milliseconds and the counts found afterwards. `log` gets a line per step.
 */
export async function seedInbox(sql, { parties, messages, heroMessages, heroPartyId, now = new Date(), log = () => {} }) {
  if (parties < 2) throw new Error("--parties must be at least 2 (the logged-in party and one more)");
  if (heroMessages > messages) throw new Error("the party with the most messages cannot hold more than --messages");
  const plan = planSql({ parties, messages, heroMessages, heroPartyId, now });
  const steps = [];
  const step = async (name, run) => {
    const started = performance.now();
    const result = await run();
    const ms = performance.now() - started;
    steps.push({ name, ms, rows: result?.count });
    log(`  ${name}: ${(ms / 1000).toFixed(1)} s${result?.count !== undefined ? ` (${result.count.toLocaleString("en")} rows)` : ""}`);
    return result;
  };

  // What a submission needs besides its party: any published form of a demo product and the portal's channel.
  const [target] = await sql`
    select p.id as product_id, fv.id as form_version_id, c.id as channel_id
    from products p
    join form_definitions fd on fd.product_id = p.id
    join form_versions fv on fv.form_id = fd.id and fv.status = 'published'
    cross join (select id from channels where code = 'portaal-webformulier') c
    order by p.slug limit 1`;
  if (!target) throw new Error("no published form or no portal channel: is the demo data there?");

  const reserved = await sql.reserve();
  try {
    // Bulk load: no foreign-key or trigger checks per row (the ids are made consistent by
    // construction), more memory for the index builds, and the secondary indexes of the inbox
    // tables dropped for the load and built again once at the end (much faster than a million
    // index insertions each).
    let replica = true;
    try {
      await reserved`set session_replication_role = replica`;
    } catch {
      replica = false;
      log("  (not allowed to skip foreign-key checks: set session_replication_role needs a superuser; loading with them)");
    }
    await reserved`set maintenance_work_mem = '256MB'`;
    await reserved`set synchronous_commit = off`;
    const tables = ["inbox_messages", "inbox_archived_messages", "inbox_message_attachments", "submissions"];
    const indexes = await reserved`
      select i.indexname, i.indexdef from pg_indexes i
      join pg_class c on c.relname = i.indexname
      join pg_index x on x.indexrelid = c.oid
      where i.schemaname = 'public' and i.tablename = any(${tables}) and not x.indisprimary and not x.indisunique`;
    await step(`drop ${indexes.length} secondary indexes of ${tables.join(", ")}`, async () => {
      for (const index of indexes) await reserved.unsafe(`drop index "${index.indexname}"`);
    });

    await step("parties", () =>
      reserved.unsafe(`
        insert into parties (id, kind, bsn_sealed, bsn_hash, kvk_number, display_name, created_at)
        select ${uuidOf(1, "g")},
          case when g % 10 = 0 then 'business' else 'person' end,
          case when g % 10 = 0 then null else 'bench-not-a-sealed-bsn' end,
          case when g % 10 = 0 then null else 'bench-' || g end,
          case when g % 10 = 0 then 'B' || lpad(g::text, 7, '0') end,
          case when g % 10 = 0 then 'Bedrijf ' || g || ' B.V.' else 'Bewoner ' || g end,
          '${now.toISOString()}'::timestamptz - make_interval(days => g % 1000)
        from generate_series(1, ${parties - 1}) g`),
    );
    await step("reminder consent (channel_consents, kind reminder) for 80 % of the parties", () =>
      reserved.unsafe(`
        insert into channel_consents (party_id, kind, digital)
        select ${uuidOf(1, "g")}, 'reminder', g % 10 <> 3 from generate_series(1, ${parties - 1}) g where g % 5 <> 0
        union all select '${heroPartyId}'::uuid, 'reminder', true
        on conflict do nothing`),
    );
    await step("submissions behind the receipts", () =>
      reserved.unsafe(`
        insert into submissions (id, reference, party_id, product_id, form_version_id, message_type, channel_id, login_level, payload, hash, received_at, idempotency_key)
        select ${uuidOf(3, "g")}, 'BENCH-' || g, party_id, '${target.product_id}', '${target.form_version_id}', 'aanvraag', '${target.channel_id}', 'midden',
          '{}'::jsonb, md5('bench-sub-' || g) || md5('bench-sub-' || g), placed_at, 'bench-' || g
        from (${plan}) m where kind = 'receipt'`),
    );
    await step("inbox messages", () =>
      reserved.unsafe(`
        insert into inbox_messages (id, party_id, kind, submission_id, subject, body, placed_at, term_ends_on, term_rule, first_opened_at)
        select id, party_id, kind,
          case when kind = 'receipt' then ${uuidOf(3, "g")} end,
          case kind when 'receipt' then ${SUBJECTS.receipt} when 'decision' then ${SUBJECTS.decision}
            when 'information-request' then ${SUBJECTS["information-request"]} else ${SUBJECTS.information} end,
          ${BODY},
          placed_at,
          case kind when 'decision' then ((placed_at at time zone 'Europe/Amsterdam')::date + 43)
            when 'information-request' then ((placed_at at time zone 'Europe/Amsterdam')::date + case when four_weeks then 28 else 14 end) end,
          case kind when 'decision' then '{"kind":"decision"}'::jsonb
            when 'information-request' then jsonb_build_object('kind', 'information-request', 'term', jsonb_build_object('amount', case when four_weeks then 4 else 2 end, 'unit', 'weeks')) end,
          case when unread then null else least(placed_at + make_interval(secs => open_after_seconds), '${now.toISOString()}'::timestamptz) end
        from (${plan}) m`),
    );
    await step("archive (inbox_archived_messages)", () =>
      reserved.unsafe(`
        insert into inbox_archived_messages (message_id, party_id, archived_at)
        select id, party_id, least(placed_at + interval '4 days', '${now.toISOString()}'::timestamptz)
        from (${plan}) m where archived and not unread`),
    );
    await step("attachment rows of decisions", () =>
      reserved.unsafe(`
        insert into inbox_message_attachments (id, message_id, position, blob_key, file_name, file_type, size_bytes, sha256)
        select ${uuidOf(4, "g")}, id, 0, 'bench/inbox/' || g, 'besluit-' || g || '.pdf', 'pdf', 20000 + g % 200000, md5('bench-att-' || g) || md5('bench-att-' || g)
        from (${plan}) m where kind = 'decision' and with_file`),
    );
    await step("replies to half of the information requests", () =>
      reserved.unsafe(`
        insert into submissions (id, reference, party_id, product_id, form_version_id, message_type, channel_id, login_level, payload, hash, received_at, idempotency_key, in_reply_to_message_id)
        select ${uuidOf(5, "g")}, 'BENCH-R-' || g, party_id, '${target.product_id}', '${target.form_version_id}', 'aanvulling', '${target.channel_id}', 'midden',
          '{}'::jsonb, md5('bench-reply-' || g) || md5('bench-reply-' || g), least(placed_at + interval '3 days', '${now.toISOString()}'::timestamptz), 'bench-reply-' || g, id
        from (${plan}) m where kind = 'information-request' and replied`),
    );
    // Back to synchronous commits before the last steps: the index builds' commits then flush the
    // WAL of the loads above, and only then can VACUUM set the visibility map (it marks a page
    // all-visible only when its rows' commits are known flushed; right after asynchronous commits
    // it marked none, and every index-only scan went to the heap).
    await reserved`set synchronous_commit = on`;
    await step(`build the ${indexes.length} secondary indexes again`, async () => {
      for (const index of indexes) await reserved.unsafe(index.indexdef);
    });
    if (replica) await reserved`set session_replication_role = origin`;
    await step("vacuum analyze (statistics and the visibility map, as autovacuum would in time)", async () => {
      for (const table of ["parties", ...tables]) await reserved.unsafe(`vacuum (analyze) ${table}`);
    });
  } finally {
    reserved.release();
  }

  const [counts] = await sql`
    select (select count(*) from parties)::int as parties,
      (select count(*) from inbox_messages)::int as messages,
      (select count(*) from inbox_messages where party_id = ${heroPartyId})::int as hero_messages,
      (select count(*) from inbox_messages where party_id = ${heroPartyId} and first_opened_at is null)::int as hero_unread,
      (select count(*) from inbox_archived_messages)::int as archived,
      (select count(*) from inbox_message_attachments)::int as attachments,
      (select count(*) from submissions where in_reply_to_message_id is not null)::int as replies,
      (select count(*) from inbox_messages where term_ends_on >= ${now.toISOString().slice(0, 10)}::date)::int as terms_running,
      pg_size_pretty(pg_total_relation_size('inbox_messages')) as inbox_size`;
  return { steps, counts, totalMs: steps.reduce((sum, s) => sum + s.ms, 0) };
}
