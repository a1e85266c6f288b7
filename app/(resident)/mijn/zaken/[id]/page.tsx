import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { OwnCaseDelivery } from "@/components/inbox/CaseDelivery";
import { ExpectedDecision, Facts } from "@/components/submissions/SubmissionParts";
import { DemoMessagesForm } from "@/components/replies/DemoMessagesForm";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { env } from "@/lib/env";
import { requireParty } from "@/lib/auth/current";
import { ownCase } from "@/lib/cases/queries";
import { isUuid } from "@/lib/http/ids";
import { notFoundPage } from "@/lib/http/not-found";
import { format, formatDateTime } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { messageTypeLabel } from "@/lib/submissions/view";

type Params = Promise<{ id: string }>;

/** Once per request: the metadata and the page share it. */
const loadById = cache(async (id: string) => {
  const actor = await requireParty();
  if (!isUuid(id)) notFoundPage();
  const found = await ownCase(actor, id);
  if (!found) notFoundPage();
  return found;
});

async function load(params: Params) {
  return loadById((await params).id);
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const found = await load(params);
  const { t } = await getMessages();
  return { title: format(t.cases.caseTitle, { reference: found.reference }) };
}

/** One case of the party: its status, the timeline of events, the submission behind it and the expected decision date. */
export default async function CasePage({ params }: { params: Params }) {
  const found = await load(params);
  const actor = await requireParty();
  const { locale, t } = await getMessages();
  const c = t.cases;
  const product = locale === "nl" ? found.productNl : found.productEn;
  const submissionPath = `/mijn/inzendingen/${found.submission.id}`;
  return (
    <>
      <Breadcrumbs t={t} items={[{ label: t.auth.mine.title, href: "/mijn" }, { label: c.title, href: "/mijn/zaken" }, { label: format(c.caseTitle, { reference: found.reference }) }]} />
      <h1>
        {product}
        <span className="block text-xl font-normal text-muted">{format(c.caseTitle, { reference: found.reference })}</span>
      </h1>
      <Facts
        rows={[
          { label: c.status, value: <strong>{c.statuses[found.status] ?? found.status}</strong> },
          { label: c.reference, value: found.reference },
          { label: c.openedAt, value: <time dateTime={found.openedAt.toISOString()}>{formatDateTime(found.openedAt, locale)}</time> },
        ]}
      />

      {/* terms: messages of this case whose notice did not reach the resident (R13, R14) */}
      <OwnCaseDelivery actor={actor} caseId={found.id} t={t} />

      <section aria-labelledby="besluit">
        <h2 id="besluit">{c.decisionHeading}</h2>
        <ExpectedDecision t={t} locale={locale} on={found.expectedDecisionOn} explanation={found.decisionTermExplanation} />
      </section>

      <section aria-labelledby="tijdlijn">
        <h2 id="tijdlijn">{c.timelineHeading}</h2>
        <ol className="mb-8 space-y-4 border-l-4 border-solid border-brand pl-6">
          {found.events.map((event) => (
            <li key={event.id}>
              <p className="mb-1">
                <time dateTime={event.at.toISOString()} className="font-bold">
                  {formatDateTime(event.at, locale)}
                </time>
                {" – "}
                {c.statuses[event.status] ?? event.status}
              </p>
              <p className="mb-1">{format(c.events[event.kind] ?? event.kind, { status: c.statuses[event.status] ?? event.status })}</p>
              {event.note ? <p className="mb-0 whitespace-pre-line">{event.note}</p> : null}
            </li>
          ))}
        </ol>
      </section>

      <section aria-labelledby="inzending">
        <h2 id="inzending">{c.submissionHeading}</h2>
        <p>{format(c.submissionText, { messageType: messageTypeLabel(found.submission.messageType, locale).toLowerCase(), date: formatDateTime(found.submission.receivedAt, locale) })}</p>
        <ul className="mb-8 space-y-3">
          <li>
            <Link href={submissionPath} prefetch={false}>
              {c.toReceipt}
            </Link>
          </li>
          <li>
            <a href={`${submissionPath}/kopie`} download>
              {c.toCopy}
            </a>
          </li>
          {found.receiptMessageId ? (
            <li>
              <Link href={`/mijn/berichten/${found.receiptMessageId}`} prefetch={false}>
                {t.inbox.kinds.receipt}
              </Link>
            </li>
          ) : null}
        </ul>
      </section>
      {env().demoFeatures ? <DemoMessagesForm t={{ form: t.form, replies: t.replies }} caseId={found.id} /> : null}
      <p className="no-print">
        <Link href="/mijn/zaken">{c.backToList}</Link>
      </p>
    </>
  );
}
