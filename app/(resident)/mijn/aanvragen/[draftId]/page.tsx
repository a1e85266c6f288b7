import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { titleWithErrors } from "@/components/ui/ErrorSummary";
import { DraftForm } from "@/components/submissions/DraftForm";
import { ObjectionBanner } from "@/components/replies/ObjectionBanner";
import { requireParty } from "@/lib/auth/current";
import { notFoundPage } from "@/lib/http/not-found";
import { format, formatDate } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { getDraftView } from "@/lib/submissions/draft-queries";
import { objectionBanner } from "@/lib/replies/queries";

type Params = Promise<{ draftId: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const party = await requireParty();
  const { locale, t } = await getMessages();
  const view = await getDraftView(party, (await params).draftId);
  if (!view) return {};
  const name = locale === "en" ? view.loaded.product.nameEn : view.loaded.product.nameNl;
  return { title: titleWithErrors(name, view.state.errors, t) };
}

/** The current page of one of the resident's drafts: a step with its errors, or the check page. */
export default async function DraftPage({ params }: { params: Params }) {
  const party = await requireParty();
  const { draftId } = await params;
  const { locale, t } = await getMessages();
  const view = await getDraftView(party, draftId);
  if (!view) notFoundPage();
  const { loaded, state, limits } = view;
  const name = locale === "en" ? loaded.product.nameEn : loaded.product.nameNl;
  const files: Record<string, { id: string; name: string; size: number }[]> = {};
  for (const step of loaded.definition.steps)
    for (const field of step.fields) if (field.kind === "file") files[field.id] = loaded.attachments.filter((a) => a.fieldId === field.id).map((a) => ({ id: a.id, name: a.fileName, size: a.sizeBytes }));
  return (
    <>
      <Breadcrumbs t={t} items={[{ label: t.auth.mine.title, href: "/mijn" }, { label: t.submissionFlow.drafts.title, href: "/mijn/aanvragen" }, { label: name }]} />
      <h1>{format(t.submissionFlow.draft.title, { product: name })}</h1>
      <ObjectionBanner t={t} locale={locale} objection={await objectionBanner(party, loaded.draft.id)} />
      <p className="text-muted">{format(t.submissionFlow.draft.expires, { date: formatDate(loaded.draft.expiresAt, locale) })}</p>
      <DraftForm t={{ form: t.form, forms: t.forms, submissionFlow: t.submissionFlow }} locale={locale} draftId={loaded.draft.id} definition={loaded.definition} state={state} files={files} limits={limits} />
    </>
  );
}
