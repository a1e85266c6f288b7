"use client";

import { Table } from "@/components/ui/Table";

/** One message in the inbox list, every text already in the reader's language. */
export interface InboxTableRow {
  id: string;
  subject: string;
  unread: boolean;
  corrected: boolean;
  kind: string;
  placedAt: { iso: string; text: string };
  /** The end of the term, or null for a message without one. */
  term: { iso: string; text: string; ended: boolean } | null;
}

export interface InboxTableTexts {
  caption: string;
  subject: string;
  kind: string;
  placedAt: string;
  term: string;
  status: string;
  read: string;
  unread: string;
  noTerm: string;
  termEnded: string;
  corrected: string;
  correctedHint: string;
}

/**
 * The inbox list. A client component for one reason: the server sends the rows as compact data
 * and renders the table from it once, instead of sending every cell as an element in the React
 * payload and building it again for the HTML (the table was most of the cost of an inbox page).
 * The HTML is the same as any other table's (components/ui/Table.tsx); it needs no JavaScript.
 * The subjects are plain links, not next/link: opening a message loads its page whole (the
 * screen reader announces it as a new page), and twenty Link components were a measurable part
 * of rendering the list (bench/README.md, "Inbox").
 */
export function InboxTable({ rows, texts: t }: { rows: readonly InboxTableRow[]; texts: InboxTableTexts }) {
  return (
    <Table
      caption={t.caption}
      captionHidden
      rows={rows}
      rowKey={(r) => r.id}
      columns={[
        {
          header: t.subject,
          rowHeader: true,
          cell: (r) => (
            <>
              <a href={`/mijn/berichten/${r.id}`} className={r.unread ? "font-bold" : ""}>
                {r.subject}
              </a>
              {r.corrected ? (
                <span className="mt-1 block w-fit border-2 border-solid border-ink px-1 text-sm" title={t.correctedHint} data-testid="gecorrigeerd">
                  {t.corrected}
                  <span className="sr-only">: {t.correctedHint}</span>
                </span>
              ) : null}
            </>
          ),
        },
        { header: t.kind, cell: (r) => r.kind },
        { header: t.placedAt, cell: (r) => <time dateTime={r.placedAt.iso}>{r.placedAt.text}</time> },
        {
          header: t.term,
          cell: (r) =>
            r.term ? (
              <>
                <time dateTime={r.term.iso}>{r.term.text}</time>
                {r.term.ended ? ` (${t.termEnded.toLowerCase()})` : null}
              </>
            ) : (
              t.noTerm
            ),
        },
        { header: t.status, cell: (r) => (r.unread ? <strong>{t.unread}</strong> : t.read) },
      ]}
    />
  );
}
