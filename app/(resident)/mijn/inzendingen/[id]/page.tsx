import { cache } from "react";
import type { Metadata } from "next";
import Link from "next/link";
import { AttachmentsTable, ExpectedDecision, Facts, WithSlot } from "@/components/submissions/SubmissionParts";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { PhoneLink } from "@/components/ui/PhoneLink";
import { requireParty } from "@/lib/auth/current";
import { branding } from "@/lib/branding";
import { isUuid } from "@/lib/http/ids";
import { notFoundPage } from "@/lib/http/not-found";
import { format, formatDateTime } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { messageTypeLabel } from "@/lib/submissions/view";
import { ownSubmission } from "@/lib/submissions/view-queries";

type Params = Promise<{ id: string }>;

/** Once per request: the metadata and the page share it. */
const loadById = cache(async (id: string) => {
  const actor = await requireParty();
  if (!isUuid(id)) notFoundPage();
  const view = await ownSubmission(actor, id);
  if (!view) notFoundPage();
  return view;
});

async function load(params: Params) {
  return loadById((await params).id);
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const view = await load(params);
  const { t } = await getMessages();
  return { title: format(t.submissionViews.pageTitle, { reference: view.stored.reference }) };
}

/** The receipt (ontvangstbevestiging, R6) of a submission of the logged-in party. Printable. */
export default async function ReceiptPage({ params }: { params: Params }) {
  const view = await load(params);
  const { locale, t } = await getMessages();
  const v = t.submissionViews;
  const brand = branding();
  const s = view.stored;
  const base = `/mijn/inzendingen/${s.id}`;
  const typeLabel = messageTypeLabel(s.messageType, locale);
  return (
    <>
      <Breadcrumbs
        t={t}
        items={[
          { label: t.auth.mine.title, href: "/mijn" },
          { label: t.cases.title, href: "/mijn/zaken" },
          { label: format(v.pageTitle, { reference: s.reference }) },
        ]}
      />
      <h1>{format(v.receivedHeading, { messageType: typeLabel.toLowerCase() })}</h1>
      <p className="max-w-[70ch] text-xl">{v.intro}</p>

      <section aria-labelledby="ontvangst">
        <h2 id="ontvangst">{v.factsHeading}</h2>
        <Facts
          rows={[
            { label: v.reference, value: <strong data-testid="kenmerk">{s.reference}</strong> },
            { label: v.receivedAt, value: <time dateTime={s.receivedAt.toISOString()}>{formatDateTime(s.receivedAt, locale)}</time> },
            { label: v.receivedBy, value: brand.name },
            { label: v.product, value: locale === "nl" ? s.product.nameNl : s.product.nameEn },
            { label: v.messageType, value: typeLabel },
          ]}
        />
      </section>

      <section aria-labelledby="bijlagen">
        <h2 id="bijlagen">{v.attachmentsHeading}</h2>
        <AttachmentsTable t={t} locale={locale} attachments={s.attachments} caption={v.attachmentsCaption} href={(id) => `${base}/bijlagen/${id}`} />
      </section>

      <section aria-labelledby="betekenis">
        <h2 id="betekenis">{v.notAJudgementHeading}</h2>
        <p className="max-w-[70ch]">{v.notAJudgement}</p>
      </section>

      <section aria-labelledby="besluit">
        <h2 id="besluit">{v.decisionHeading}</h2>
        <ExpectedDecision t={t} locale={locale} on={view.caseRow?.expectedDecisionOn ?? null} explanation={view.caseRow?.decisionTermExplanation ?? null} />
      </section>

      <section aria-labelledby="verder" className="no-print">
        <h2 id="verder">{v.linksHeading}</h2>
        <ul className="mb-8 space-y-3">
          <li>
            <a href={`${base}/kopie`} download className="font-semibold">
              {v.downloadCopy}
            </a>
          </li>
          {view.caseRow ? (
            <li>
              <Link href={`/mijn/zaken/${view.caseRow.id}`} prefetch={false}>
                {v.toCase}
              </Link>
            </li>
          ) : null}
          <li>
            <Link href="/mijn/berichten" prefetch={false}>
              {v.toInbox}
            </Link>
          </li>
        </ul>
        <p className="text-muted">{v.print}</p>
      </section>

      <section aria-labelledby="hulp">
        <h2 id="hulp">{v.helpHeading}</h2>
        <ul className="mb-4 space-y-1">
          <li>
            <WithSlot text={v.helpPhone} slot="phone">
              <PhoneLink phone={brand.phone} />
            </WithSlot>
          </li>
          <li>
            <WithSlot text={v.helpEmail} slot="email">
              <a href={`mailto:${brand.email}`}>{brand.email}</a>
            </WithSlot>
          </li>
          <li>{format(v.helpCounter, { address: brand.counterAddress, hours: brand.openingHours[locale] })}</li>
        </ul>
        <p>{format(v.helpReference, { reference: s.reference })}</p>
      </section>
    </>
  );
}
