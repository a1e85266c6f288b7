import type { InboxRow } from "@/lib/inbox/queries";
import { format, formatDate, type Locale, type Messages } from "@/lib/i18n";
import type { TermStatus } from "@/lib/inbox/term-status";
import { calendarDay } from "@/lib/submissions/view";

/**
 * The term of a message: its last day and what to do before it (send the information asked for,
 * or object to a besluit), or that it has ended. `endsOn` is the term to show (the lead may pass
 * the term recalculated after a re-sent notice, R13).
 */
export function TermBox({ t, locale, kind, endsOn, status }: { t: Pick<Messages, "inboxView">; locale: Locale; kind: InboxRow["kind"]; endsOn: string; status: Exclude<TermStatus, "none"> }) {
  const m = t.inboxView.term;
  const date = formatDate(calendarDay(endsOn), locale);
  return (
    <section aria-labelledby="termijn-titel" className="mb-8 max-w-[70ch] border-l-8 border-solid border-brand bg-white px-4 py-3" data-testid="termijn">
      <h2 id="termijn-titel" className="mt-0 text-xl">
        {m.title}
      </h2>
      {status === "running" ? (
        <>
          <p className="font-semibold">{format(m.endsOn, { date })}</p>
          <p className="mb-0">{kind === "decision" ? format(m.decision, { date }) : kind === "information-request" ? m.request : m.other}</p>
        </>
      ) : (
        <>
          <p className="font-semibold">{format(m.expired, { date })}</p>
          <p className="mb-0">{m.expiredHelp}</p>
        </>
      )}
    </section>
  );
}
