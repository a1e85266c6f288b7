import type { ReactNode } from "react";
import { Table } from "@/components/ui/Table";
import { formatDate, type Locale, type Messages } from "@/lib/i18n";
import { formatFileSize } from "@/lib/submissions/copy";
import { calendarDay } from "@/lib/submissions/view";

/** Parts shared by the receipt page, the case page and the staff screen of a submission. */

export interface AttachmentLine {
  id: string;
  fileName: string;
  sizeBytes: number;
  sha256: string;
}

/** The attachments with size and SHA-256, each with a download link. */
export function AttachmentsTable({ t, locale, attachments, href, caption }: { t: Messages; locale: Locale; attachments: readonly AttachmentLine[]; href: (id: string) => string; caption: string }) {
  const v = t.submissionViews;
  if (attachments.length === 0) return <p>{v.noAttachments}</p>;
  return (
    <Table
      caption={caption}
      captionHidden
      rows={attachments}
      rowKey={(a) => a.id}
      columns={[
        { header: v.attachmentName, cell: (a) => a.fileName, rowHeader: true },
        { header: v.attachmentSize, cell: (a) => formatFileSize(a.sizeBytes, locale), numeric: true },
        { header: v.attachmentHash, cell: (a) => <code className="break-all text-sm">{a.sha256}</code> },
        {
          header: <span className="sr-only">{v.attachmentDownload}</span>,
          cell: (a) => (
            <a href={href(a.id)} download className="no-print">
              {v.attachmentDownload}
              <span className="sr-only">: {a.fileName}</span>
            </a>
          ),
        },
      ]}
    />
  );
}

/** The expected decision date with how it was computed, or that no fixed term applies. */
export function ExpectedDecision({ t, locale, on, explanation }: { t: Messages; locale: Locale; on: string | null; explanation: { nl: string; en: string } | null }) {
  const v = t.submissionViews;
  if (!on) return <p>{v.noDecisionTerm}</p>;
  return (
    <>
      <p className="font-semibold">
        <DecisionSentence text={v.expectedDecision} date={formatDate(calendarDay(on), locale)} iso={on} />
      </p>
      {explanation ? (
        <details className="mb-6">
          <summary className="cursor-pointer">{v.howComputed}</summary>
          <p className="mt-2 max-w-[70ch]">{explanation[locale]}</p>
        </details>
      ) : null}
    </>
  );
}

/** A sentence with {date} in it, the date marked up as a <time>. */
function DecisionSentence({ text, date, iso }: { text: string; date: string; iso: string }) {
  const [before, after = ""] = text.split("{date}");
  return (
    <>
      {before}
      <time dateTime={iso}>{date}</time>
      {after}
    </>
  );
}

/** A definition list of label/value pairs. */
export function Facts({ rows }: { rows: readonly { label: string; value: ReactNode }[] }) {
  return (
    <dl className="mb-8 grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
      {rows.map((r) => (
        <div key={r.label} className="contents">
          <dt className="font-bold">{r.label}</dt>
          <dd className="ml-0 mb-2 sm:mb-0">{r.value}</dd>
        </div>
      ))}
    </dl>
  );
}

/** Every question with its answer, per step (answers with line breaks kept). */
export function AnswersList({ sections, noAnswer }: { sections: readonly { title: string; answers: readonly { question: string; answer: string }[] }[]; noAnswer: string }) {
  return (
    <>
      {sections.map((section, i) => (
        <section key={i} className="mb-6">
          <h3>{section.title}</h3>
          <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[minmax(0,20rem)_1fr]">
            {section.answers.map((a, j) => (
              <div key={j} className="contents">
                <dt className="font-bold">{a.question}</dt>
                <dd className="ml-0 mb-2 whitespace-pre-line sm:mb-0">{a.answer.trim() === "" ? <span className="text-muted">{noAnswer}</span> : a.answer}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </>
  );
}

/** A text with one {slot} placeholder, the slot filled with an element (a link). */
export function WithSlot({ text, slot, children }: { text: string; slot: string; children: ReactNode }) {
  const [before, after = ""] = text.split(`{${slot}}`);
  return (
    <>
      {before}
      {children}
      {after}
    </>
  );
}
