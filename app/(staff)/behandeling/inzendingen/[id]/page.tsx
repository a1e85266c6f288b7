import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { AnswersList, AttachmentsTable, ExpectedDecision, Facts } from "@/components/submissions/SubmissionParts";
import { Banner } from "@/components/ui/Banner";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { levelLabel, isAssuranceLevel } from "@/lib/auth/levels";
import { isUuid } from "@/lib/http/ids";
import { notFoundPage } from "@/lib/http/not-found";
import { format, formatDateTime } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { requireStaffPage } from "@/lib/staff/guard";
import { hashMatches, messageTypeLabel, storedAnswers } from "@/lib/submissions/view";
import { submissionForStaff } from "@/lib/submissions/view-queries";

type Params = Promise<{ id: string }>;

/** Once per request (and so one processing-log entry per visit): the metadata and the page share it. */
const loadById = cache(async (id: string) => {
  const actor = await requireStaffPage("case:read");
  if (!isUuid(id)) notFoundPage();
  const view = await submissionForStaff(actor, id);
  if (!view) notFoundPage();
  return view;
});

async function load(params: Params) {
  return loadById((await params).id);
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const view = await load(params);
  const { locale, t } = await getMessages();
  return { title: format(t.staffSubmissions.detailTitle, { messageType: messageTypeLabel(view.stored.messageType, locale), reference: view.stored.reference }), robots: { index: false } };
}

/** A received submission for a case handler: the facts, every answer, the attachments and the copy. The visit is logged. */
export default async function StaffSubmissionPage({ params }: { params: Params }) {
  const view = await load(params);
  const { locale, t } = await getMessages();
  const k = t.staffSubmissions;
  const v = t.submissionViews;
  const s = view.stored;
  const base = `/behandeling/inzendingen/${s.id}`;
  const intact = hashMatches(s);
  const title = format(k.detailTitle, { messageType: messageTypeLabel(s.messageType, locale), reference: s.reference });
  return (
    <>
      <Breadcrumbs t={t} items={[{ label: t.staff.behandeling.title, href: "/behandeling" }, { label: k.listTitle, href: "/behandeling/inzendingen" }, { label: title }]} />
      <h1>{title}</h1>
      {!intact ? (
        <Banner kind="error" className="mb-6">
          <p>{k.hashBroken}</p>
        </Banner>
      ) : null}
      <section aria-labelledby="gegevens">
        <h2 id="gegevens">{k.factsHeading}</h2>
        <Facts
          rows={[
            { label: v.reference, value: s.reference },
            { label: v.receivedAt, value: <time dateTime={s.receivedAt.toISOString()}>{formatDateTime(s.receivedAt, locale)}</time> },
            { label: v.product, value: locale === "nl" ? s.product.nameNl : s.product.nameEn },
            { label: v.messageType, value: messageTypeLabel(s.messageType, locale) },
            { label: k.partyKind, value: k.partyKinds[view.partyKind] ?? view.partyKind },
            { label: v.channel, value: `${locale === "nl" ? s.channel.nameNl : s.channel.nameEn}${s.onBehalfStaffId ? `. ${k.onBehalf}.` : ""}` },
            { label: v.loginLevel, value: isAssuranceLevel(s.loginLevel) ? levelLabel(s.loginLevel) : s.loginLevel },
            { label: k.caseStatus, value: view.caseRow ? (t.cases.statuses[view.caseRow.status] ?? view.caseRow.status) : "–" },
            { label: k.hash, value: <code className="break-all text-sm">{s.hash}</code> },
          ]}
        />
        {intact ? <p className="text-muted">{k.hashOk}</p> : null}
        <h3>{v.decisionHeading}</h3>
        <ExpectedDecision t={t} locale={locale} on={view.caseRow?.expectedDecisionOn ?? null} explanation={view.caseRow?.decisionTermExplanation ?? null} />
      </section>

      <section aria-labelledby="antwoorden">
        <h2 id="antwoorden">{k.answersHeading}</h2>
        <AnswersList sections={storedAnswers(s, locale)} noAnswer={k.noAnswer} />
      </section>

      <section aria-labelledby="bijlagen">
        <h2 id="bijlagen">{k.attachmentsHeading}</h2>
        <AttachmentsTable t={t} locale={locale} attachments={s.attachments} caption={k.attachmentsHeading} href={(id) => `${base}/bijlagen/${id}`} />
      </section>

      <p className="no-print">
        <a href={`${base}/kopie`} download className="font-semibold">
          {k.downloadCopy}
        </a>
      </p>
      {view.caseRow ? (
        <p className="no-print">
          <Link href={`/behandeling/zaken/${view.caseRow.id}`} prefetch={false}>
            {format(t.caseHandling.caseTitle, { reference: s.reference })}
          </Link>
        </p>
      ) : null}
      <p className="no-print">
        <Link href="/behandeling/inzendingen">{k.listTitle}</Link>
      </p>
    </>
  );
}
