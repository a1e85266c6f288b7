import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { Facts } from "@/components/submissions/SubmissionParts";
import { Banner } from "@/components/ui/Banner";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { isUuid } from "@/lib/http/ids";
import { notFoundPage } from "@/lib/http/not-found";
import { format, formatDate, formatDateTime } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { messageLetterForStaff } from "@/lib/inbox/letter-queries";
import { requireStaffPage } from "@/lib/staff/guard";
import { calendarDay } from "@/lib/submissions/view";
import { LetterForm } from "./LetterForm";

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const load = cache(async (id: string) => {
  const actor = await requireStaffPage("message:send");
  if (!isUuid(id)) notFoundPage();
  const letter = await messageLetterForStaff(actor, id, "message.letter.view");
  if (!letter) notFoundPage();
  return letter;
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const letter = await load((await params).id);
  const { t } = await getMessages();
  return { title: format(t.sendingMessages.letter.title, { subject: letter.subject }), robots: { index: false } };
}

/**
 * A message sent to a party who does not receive this kind digitally goes by post as well (R13):
 * the handler types the address, the portal records the letter and makes it as a PDF with the
 * address in the envelope window (lib/inbox/letter.ts).
 */
export default async function MessageLetterPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const letter = await load((await params).id);
  const made = (await searchParams).gemaakt === "1";
  const { locale, t } = await getMessages();
  const l = t.sendingMessages.letter;
  const casePath = `/behandeling/zaken/${letter.caseId}`;
  return (
    <>
      <Breadcrumbs
        t={t}
        items={[
          { label: t.staff.behandeling.title, href: "/behandeling" },
          { label: format(t.caseHandling.caseTitle, { reference: letter.reference }), href: casePath },
          { label: format(l.title, { subject: letter.subject }) },
        ]}
      />
      <h1>{format(l.title, { subject: letter.subject })}</h1>
      {made ? (
        <Banner kind="success" className="mb-6">
          <p role="status" className="mb-0">
            {l.made}
          </p>
        </Banner>
      ) : null}
      <p className="max-w-[70ch]">{letter.digital ? l.notNeeded : l.intro}</p>
      <Facts
        rows={[
          { label: t.sendingMessages.compose.facts.kind, value: t.sendingMessages.kinds[letter.kind as keyof typeof t.sendingMessages.kinds] ?? letter.kind },
          { label: t.sendingMessages.compose.facts.subject, value: letter.subject },
          { label: t.caseHandling.facts.reference, value: letter.reference },
          ...(letter.termEndsOn ? [{ label: t.sendingMessages.compose.facts.term, value: formatDate(calendarDay(letter.termEndsOn), locale) }] : []),
          { label: t.sendingMessages.compose.facts.attachments, value: letter.attachments.length ? letter.attachments.join(", ") : t.sendingMessages.compose.facts.noAttachments },
        ]}
      />
      {letter.lastLetter ? (
        <section aria-labelledby="brief-gemaakt" className="mb-8">
          <h2 id="brief-gemaakt">{l.download}</h2>
          <p>{format(l.lastMade, { date: formatDateTime(letter.lastLetter.at, locale), name: letter.lastLetter.staffName })}</p>
          <p>
            <a href={`/behandeling/berichten/${letter.messageId}/brief/pdf`} data-testid="brief-pdf">
              {l.download}
            </a>
          </p>
        </section>
      ) : null}
      <LetterForm t={{ form: t.form, sendingMessages: t.sendingMessages }} messageId={letter.messageId} address={letter.lastLetter?.postalAddress ?? ""} />
      <p className="no-print mt-10">
        <Link href={casePath}>{t.sendingMessages.compose.backToCase}</Link>
      </p>
    </>
  );
}
