import Link from "next/link";
import { Table } from "@/components/ui/Table";
import type { Actor } from "@/lib/auth/policy";
import { formatDateTime } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { caseReplies, type CaseReply } from "@/lib/replies/queries";

/**
 * The replies (reacties) and objections (bezwaren) the party sent to the messages of a case, on
 * the handler's case screen: each links to the submission, and a late one says why it is late
 * (the day received, how many days after the term, and the term's last day).
 */
export async function CaseReplies({ actor, caseId }: { actor: Extract<Actor, { kind: "staff" }>; caseId: string }) {
  const { locale, t } = await getMessages();
  const s = t.replies.staff;
  const rows = await caseReplies(actor, caseId, locale);
  return (
    <section aria-labelledby="reacties">
      <h2 id="reacties">{s.title}</h2>
      {rows.length === 0 ? (
        <p>{s.none}</p>
      ) : (
        <Table<CaseReply>
          caption={s.caption}
          captionHidden
          rowKey={(r) => r.submissionId}
          rows={rows}
          columns={[
            { header: s.reference, rowHeader: true, cell: (r) => <Link href={`/behandeling/inzendingen/${r.submissionId}`}>{r.reference}</Link> },
            { header: s.kind, cell: (r) => s.kinds[r.kind] ?? r.kind },
            { header: s.message, cell: (r) => r.message.subject },
            { header: s.received, cell: (r) => <time dateTime={r.receivedAt.toISOString()}>{formatDateTime(r.receivedAt, locale)}</time> },
            { header: s.files, numeric: true, cell: (r) => r.files },
            {
              header: s.timeliness,
              cell: (r) =>
                r.late ? (
                  <span data-testid="reactie-te-laat">
                    <strong className="text-error">{s.late}</strong>. {r.lateReason}
                  </span>
                ) : r.message.termEndsOn ? (
                  s.onTime
                ) : (
                  s.noTerm
                ),
            },
          ]}
        />
      )}
    </section>
  );
}
