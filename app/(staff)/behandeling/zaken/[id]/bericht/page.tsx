import type { Metadata } from "next";
import Link from "next/link";
import { cache } from "react";
import { Facts } from "@/components/submissions/SubmissionParts";
import { Banner } from "@/components/ui/Banner";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { Button } from "@/components/ui/Button";
import { ErrorSummary, titleWithErrors } from "@/components/ui/ErrorSummary";
import { Field, fieldIds } from "@/components/ui/Field";
import { caseForStaff } from "@/lib/cases/staff-queries";
import { sendableKinds } from "@/lib/cases/transitions";
import { isUuid } from "@/lib/http/ids";
import { notFoundPage } from "@/lib/http/not-found";
import { format, formatDate, formatDateTime } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { composePreview, messageDraftForPage } from "@/lib/inbox/compose";
import { MESSAGE_ATTACHMENT_MAX_BYTES } from "@/lib/inbox/attachments";
import { ATTACHMENTS_MAX, BODY_MAX, fieldByMessageKind, SUBJECT_MAX } from "@/lib/inbox/message-input";
import { requireStaffPage } from "@/lib/staff/guard";
import { calendarDay } from "@/lib/submissions/view";

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const load = cache(async (id: string, draftId: string | null) => {
  const actor = await requireStaffPage("message:send");
  if (!isUuid(id)) notFoundPage();
  const found = await caseForStaff(actor, id);
  if (!found) notFoundPage();
  const draft = draftId ? await messageDraftForPage(actor, id, draftId) : null;
  return { actor, found, draft };
});

function one(value: string | string[] | undefined): string | null {
  return typeof value === "string" ? value : null;
}

export async function generateMetadata({ params, searchParams }: { params: Params; searchParams: SearchParams }): Promise<Metadata> {
  const { found, draft } = await load((await params).id, one((await searchParams).concept));
  const { t } = await getMessages();
  const c = t.sendingMessages.compose;
  return { title: titleWithErrors(format(c.title, { reference: found.reference }), draft?.errors, t), robots: { index: false } };
}


/**
 * Writing an official message to the party of a case (R12, R15-R18): the form (kind, subject,
 * text, a term for a request, the message it corrects, PDFs), then a check page showing the text
 * as the party will get it, with the objection clause and the term, and whether it goes by post.
 * Both post to POST /behandeling/zaken/<id>/bericht (lib/inbox/compose.ts); nothing typed is lost.
 */
export default async function ComposeMessagePage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const query = await searchParams;
  const { actor, found, draft } = await load((await params).id, one(query.concept));
  const { locale, t } = await getMessages();
  const c = t.sendingMessages.compose;
  const casePath = `/behandeling/zaken/${found.id}`;
  const action = `${casePath}/bericht`;
  const title = format(c.title, { reference: found.reference });
  const crumbs = (
    <Breadcrumbs
      t={t}
      items={[
        { label: t.staff.behandeling.title, href: "/behandeling" },
        { label: format(t.caseHandling.caseTitle, { reference: found.reference }), href: casePath },
        { label: c.crumb },
      ]}
    />
  );

  if (draft && one(query.stap) === "controleren" && draft.errors.length === 0) {
    const preview = await composePreview(actor, found.id, draft);
    if (preview.kind === "preview" && preview.fields) {
      const f = preview.fields;
      return (
        <>
          {crumbs}
          <h1>{c.checkTitle}</h1>
          <p className="max-w-[70ch]">{c.checkIntro}</p>
          {!preview.digital ? (
            <Banner kind="warning" className="mb-6">
              <p className="mb-0" data-testid="per-post">
                {c.byPost}
              </p>
            </Banner>
          ) : null}
          <Facts
            rows={[
              { label: c.facts.kind, value: t.sendingMessages.kinds[f.kind] },
              { label: c.facts.to, value: format(c.facts.toValue, { kind: t.staffSubmissions.partyKinds[found.partyKind] ?? found.partyKind, reference: found.reference }) },
              { label: c.facts.subject, value: f.subject },
              ...(preview.termEndsOn ? [{ label: c.facts.term, value: <span data-testid="termijn-einde">{format(c.facts.termValue, { date: formatDate(calendarDay(preview.termEndsOn), locale) })}</span> }] : []),
              ...(f.replacesMessageId ? [{ label: c.facts.replaces, value: found.messages.find((m) => m.id === f.replacesMessageId)?.subject ?? "" }] : []),
              { label: c.facts.attachments, value: draft.attachments.length ? draft.attachments.map((a) => a.fileName).join(", ") : c.facts.noAttachments },
            ]}
          />
          {preview.termExplanation ? (
            <details className="mb-6">
              <summary className="cursor-pointer font-semibold">{c.termHow}</summary>
              <p className="mt-2 max-w-[70ch]">{locale === "nl" ? preview.termExplanation.nl : preview.termExplanation.en}</p>
            </details>
          ) : null}
          <h2>{c.textHeading}</h2>
          <div className="mb-8 max-w-[70ch] border-2 border-solid border-line p-4 whitespace-pre-line break-words" data-testid="bericht-voorbeeld">
            {preview.body}
          </div>
          <form method="post" action={action} className="flex flex-wrap gap-4">
            <input type="hidden" name="concept" value={draft.id} />
            <Button name="actie" value="versturen">
              {c.send}
            </Button>
            <Button name="actie" value="wijzigen" variant="secondary">
              {c.change}
            </Button>
          </form>
        </>
      );
    }
  }

  const values = draft?.values ?? {};
  const errors = draft?.errors ?? [];
  const error = (field: string) => errors.find((e) => e.field === field)?.message;
  const decisionToCorrect = found.messages.some((m) => m.kind === "decision");
  const kinds = sendableKinds(found.status);
  if (found.status === "decided" && decisionToCorrect && !kinds.includes("decision")) kinds.unshift("decision");
  const chosenKind = values.soort ?? (one(query.soort) && Object.values(fieldByMessageKind).includes(one(query.soort) as never) ? one(query.soort)! : "");
  const correctable = found.messages.filter((m) => m.kind !== "receipt");
  const replaces = values.vervangt ?? one(query.vervangt) ?? "";
  const soort = fieldIds("soort");
  const unit = fieldIds("termijn-eenheid");
  return (
    <>
      {crumbs}
      <h1>{title}</h1>
      <ErrorSummary t={t} errors={errors} />
      <p className="max-w-[70ch]">{c.intro}</p>
      <form method="post" action={action} encType="multipart/form-data" noValidate>
        {draft ? <input type="hidden" name="concept" value={draft.id} /> : null}
        <fieldset className={`mb-6 ${error("soort") ? "border-l-4 border-solid border-error pl-4" : ""}`} aria-describedby={`${soort.hint}${error("soort") ? ` ${soort.error}` : ""}`}>
          <legend className="mb-1 font-bold">{c.kindLegend}</legend>
          <p id={soort.hint} className="mb-2 max-w-[70ch] text-muted">
            {found.status === "decided" ? c.kindHintDecided : c.kindHint}
          </p>
          {error("soort") ? (
            <p id={soort.error} className="mb-2 font-bold text-error">
              <span className="sr-only">{t.form.errorPrefix} </span>
              {error("soort")}
            </p>
          ) : null}
          {kinds.map((kind, i) => (
            <div key={kind} className="mb-2 flex items-start gap-3">
              <input type="radio" id={i === 0 ? "soort" : `soort-${fieldByMessageKind[kind]}`} name="soort" value={fieldByMessageKind[kind]} defaultChecked={chosenKind === fieldByMessageKind[kind]} className="mt-1 h-6 w-6 shrink-0" />
              <label htmlFor={i === 0 ? "soort" : `soort-${fieldByMessageKind[kind]}`} className="font-semibold">
                {t.sendingMessages.kinds[kind]}
                <span className="block font-normal text-muted">{c.kindExplanations[kind]}</span>
              </label>
            </div>
          ))}
        </fieldset>

        <Field t={t} id="onderwerp" label={c.subjectLabel} hint={format(c.subjectHint, { max: SUBJECT_MAX })} error={error("onderwerp")}>
          {(p) => <input {...p} type="text" maxLength={SUBJECT_MAX + 50} defaultValue={values.onderwerp ?? ""} />}
        </Field>
        <Field t={t} id="tekst" label={c.bodyLabel} hint={format(c.bodyHint, { max: BODY_MAX.toLocaleString("nl-NL") })} error={error("tekst")} kind="textarea">
          {(p) => <textarea {...p} rows={12} defaultValue={values.tekst ?? ""} />}
        </Field>

        <fieldset className={`mb-6 ${error("termijn-eenheid") || error("termijn-aantal") || error("termijn-datum") ? "border-l-4 border-solid border-error pl-4" : ""}`} aria-describedby={`${unit.hint}${error("termijn-eenheid") ? ` ${unit.error}` : ""}`}>
          <legend className="mb-1 font-bold">{c.termLegend}</legend>
          <p id={unit.hint} className="mb-2 max-w-[70ch] text-muted">
            {c.termHint}
          </p>
          {error("termijn-eenheid") ? (
            <p id={unit.error} className="mb-2 font-bold text-error">
              <span className="sr-only">{t.form.errorPrefix} </span>
              {error("termijn-eenheid")}
            </p>
          ) : null}
          {(["dagen", "weken", "datum"] as const).map((u, i) => (
            <div key={u} className="mb-2 flex items-start gap-3">
              <input type="radio" id={i === 0 ? "termijn-eenheid" : `termijn-eenheid-${u}`} name="termijn-eenheid" value={u} defaultChecked={values["termijn-eenheid"] === u} className="mt-1 h-6 w-6 shrink-0" />
              <label htmlFor={i === 0 ? "termijn-eenheid" : `termijn-eenheid-${u}`} className="font-semibold">
                {c.termUnits[u]}
              </label>
            </div>
          ))}
          <Field t={t} id="termijn-aantal" label={c.termAmountLabel} hint={c.termAmountHint} error={error("termijn-aantal")} optional>
            {(p) => <input {...p} type="text" inputMode="numeric" className={`${p.className} max-w-[8ch]`} defaultValue={values["termijn-aantal"] ?? ""} />}
          </Field>
          <Field t={t} id="termijn-datum" label={c.termDateLabel} hint={c.termDateHint} error={error("termijn-datum")} optional>
            {(p) => <input {...p} type="date" className={`${p.className} max-w-[20ch]`} defaultValue={values["termijn-datum"] ?? ""} />}
          </Field>
        </fieldset>

        {correctable.length ? (
          <Field t={t} id="vervangt" label={c.replacesLabel} hint={c.replacesHint} error={error("vervangt")} optional kind="select">
            {(p) => (
              <select {...p} defaultValue={replaces}>
                <option value="">{c.replacesNone}</option>
                {correctable.map((m) => (
                  <option key={m.id} value={m.id}>
                    {format(c.replacesOption, { kind: t.sendingMessages.kinds[m.kind as keyof typeof t.sendingMessages.kinds] ?? m.kind, subject: m.subject, date: formatDateTime(m.placedAt, locale) })}
                  </option>
                ))}
              </select>
            )}
          </Field>
        ) : null}

        <h2 id="bijlagen-kop" className="text-xl">
          {c.attachmentsHeading}
        </h2>
        {draft?.attachments.length ? (
          <ul className="mb-4 space-y-2" aria-labelledby="bijlagen-kop" data-testid="opgeslagen-bijlagen">
            {draft.attachments.map((a, i) => (
              <li key={a.blobKey} className="flex flex-wrap items-center gap-4">
                <span>{format(c.storedFile, { name: a.fileName, size: Math.max(1, Math.round(a.sizeBytes / 1024)) })}</span>
                <Button name="actie" value={`verwijder:${i}`} variant="secondary" formNoValidate>
                  {c.removeFile}
                  <span className="sr-only"> {a.fileName}</span>
                </Button>
              </li>
            ))}
          </ul>
        ) : null}
        <Field t={t} id="bijlagen" label={c.filesLabel} hint={format(c.filesHint, { count: ATTACHMENTS_MAX, mb: MESSAGE_ATTACHMENT_MAX_BYTES / 1024 / 1024 })} error={errors.filter((e) => e.field === "bijlagen").map((e) => e.message).join(" ") || undefined} optional>
          {(p) => <input {...p} type="file" multiple accept="application/pdf,.pdf" />}
        </Field>

        <div className="flex flex-wrap gap-4">
          <Button name="actie" value="controleren">
            {c.check}
          </Button>
        </div>
      </form>
      <p className="no-print mt-10">
        <Link href={casePath}>{c.backToCase}</Link>
      </p>
    </>
  );
}
