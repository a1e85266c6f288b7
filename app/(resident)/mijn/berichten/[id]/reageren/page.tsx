import { cache } from "react";
import type { Metadata } from "next";
import Link from "next/link";
import { ChannelList } from "@/components/replies/ChannelList";
import { Banner } from "@/components/ui/Banner";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { Button } from "@/components/ui/Button";
import { ErrorSummary, titleWithErrors } from "@/components/ui/ErrorSummary";
import { Field } from "@/components/ui/Field";
import { requireParty } from "@/lib/auth/current";
import { env } from "@/lib/env";
import { isUuid } from "@/lib/http/ids";
import { notFoundPage } from "@/lib/http/not-found";
import { format, formatDate } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { controlId, formatFileSize } from "@/lib/catalogue/forms/values";
import { replyPage } from "@/lib/replies/queries";
import { REPLY_FILES_FIELD, REPLY_TEXT_FIELD, REPLY_TEXT_MAX } from "@/lib/replies/reply-form";
import { typeList } from "@/lib/submissions/file-refusals";
import { fileTypes } from "@/lib/submissions/attachments/content-type";

type Params = Promise<{ id: string }>;

const load = cache(async (id: string) => {
  const actor = await requireParty();
  if (!isUuid(id)) notFoundPage();
  const view = await replyPage(actor, id);
  if (!view) notFoundPage();
  return view;
});

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const view = await load((await params).id);
  const { t } = await getMessages();
  return { title: titleWithErrors(`${t.replies.reply.title}: ${view.target.message.subject}`, view.errors, t) };
}

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

/**
 * Replying to a message (reactie): a real form posting to this address (multipart, so files go
 * with it without JavaScript). Everything typed and every file added is kept in the reply draft
 * when something is wrong; the term, when it has passed, is said before sending.
 */
export default async function ReplyPage({ params }: { params: Params }) {
  const { id } = await params;
  const view = await load(id);
  const { locale, t } = await getMessages();
  const r = t.replies.reply;
  const { message, caseRow } = view.target;
  const e = env();
  const textError = view.errors.find((err) => err.field === controlId(REPLY_TEXT_FIELD))?.message;
  const fileError = view.errors
    .filter((err) => err.field === controlId(REPLY_FILES_FIELD))
    .map((err) => err.message)
    .join(" ");
  return (
    <>
      <Breadcrumbs
        t={t}
        items={[
          { label: t.auth.mine.title, href: "/mijn" },
          { label: t.inbox.title, href: "/mijn/berichten" },
          { label: message.subject, href: `/mijn/berichten/${message.id}` },
          { label: r.title },
        ]}
      />
      <h1>{r.title}</h1>
      <p className="max-w-[70ch]">{format(r.intro, { subject: message.subject, date: formatDate(message.placedAt, locale), reference: caseRow.reference })}</p>
      {!view.designated ? (
        <section aria-labelledby="elders-reageren">
          <h2 id="elders-reageren">{t.replies.refused.title}</h2>
          {view.elsewhere.length ? (
            <>
              <p className="max-w-[70ch]">{format(t.replies.refused.notDesignated, { reference: caseRow.reference })}</p>
              <ChannelList channels={view.elsewhere} locale={locale} />
            </>
          ) : (
            <p className="max-w-[70ch]">{format(t.replies.refused.noChannels, { phone: e.municipality.phone, email: e.municipality.email, reference: caseRow.reference })}</p>
          )}
        </section>
      ) : (
        <>
          {view.termPassed && message.termEndsOn ? (
            <Banner kind="warning" title={r.termPassedTitle} className="mb-6">
              <p>{format(r.termPassed, { date: formatDate(day(message.termEndsOn), locale) })}</p>
            </Banner>
          ) : message.termEndsOn ? (
            <p className="font-semibold">{format(r.termRuns, { date: formatDate(day(message.termEndsOn), locale) })}</p>
          ) : null}
          <ErrorSummary t={t} errors={view.errors} />
          {view.errors.length ? <p>{r.kept}</p> : null}
          <form method="post" action={`/mijn/berichten/${message.id}/reageren`} encType="multipart/form-data" noValidate aria-label={r.title}>
            <input type="hidden" name="sleutel" value={view.key} />
            <Field t={t} id={controlId(REPLY_TEXT_FIELD)} name={REPLY_TEXT_FIELD} label={r.textLabel} error={textError} kind="textarea">
              {(c) => (
                <textarea {...c} rows={8} maxLength={REPLY_TEXT_MAX} defaultValue={view.text} />
              )}
            </Field>
            {view.limits ? (
              <>
                {view.files.length ? (
                  <section aria-labelledby="toegevoegde-bestanden" className="mb-6">
                    <h2 id="toegevoegde-bestanden" className="text-xl">
                      {r.filesAdded}
                    </h2>
                    <ul className="space-y-2" data-testid="reactie-bijlagen">
                      {view.files.map((f) => (
                        <li key={f.id} className="flex flex-wrap items-center gap-3">
                          <span>
                            {f.name} ({formatFileSize(f.size, locale)})
                          </span>
                          <Button variant="secondary" name="actie" value={`verwijder:${f.id}`}>
                            {format(r.remove, { name: f.name })}
                          </Button>
                        </li>
                      ))}
                    </ul>
                  </section>
                ) : null}
                <Field
                  t={t}
                  id={controlId(REPLY_FILES_FIELD)}
                  name={REPLY_FILES_FIELD}
                  label={t.replies.reply.upload}
                  optional
                  hint={format(r.filesHint, { types: typeList(view.limits.allowedTypes), max: formatFileSize(view.limits.maxBytes, locale), count: view.limits.maxCount })}
                  error={fileError || undefined}
                >
                  {(c) => <input {...c} className="block min-h-11 max-w-xl text-lg" type="file" multiple accept={view.limits!.allowedTypes.flatMap((type) => fileTypes[type].extensions.map((ext) => `.${ext}`)).join(",")} />}
                </Field>
                <p className="mb-6">
                  <Button variant="secondary" name="actie" value="bijlagen">
                    {r.upload}
                  </Button>
                </p>
              </>
            ) : (
              <p>{r.noFiles}</p>
            )}
            <Button name="actie" value="verstuur">
              {r.send}
            </Button>
          </form>
        </>
      )}
      <p className="mt-8">
        <Link href={`/mijn/berichten/${message.id}`}>{r.backToMessage}</Link>
      </p>
    </>
  );
}
