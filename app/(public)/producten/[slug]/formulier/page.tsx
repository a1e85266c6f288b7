import type { Metadata } from "next";
import { FormRunner } from "@/components/forms/FormRunner";
import { Banner } from "@/components/ui/Banner";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { currentActor } from "@/lib/auth/current";
import { getPublishedForm, sessionPrefill } from "@/lib/catalogue/forms/queries";
import { initialState } from "@/lib/catalogue/forms/runner";
import { hiddenStateFields } from "@/lib/catalogue/forms/state-store";
import { format } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale, t } = await getMessages();
  const { productName } = await getPublishedForm((await params).slug, locale);
  return { title: format(t.forms.preview.title, { product: productName }) };
}

/** The current published form of a product, as a preview anyone can fill in (nothing is sent or kept yet). */
export default async function FormPreviewPage({ params }: { params: Params }) {
  const { slug } = await params;
  const { locale, t } = await getMessages();
  const { productName, form } = await getPublishedForm(slug, locale);
  const prefill = form ? await sessionPrefill(await currentActor()) : {};
  const state = form ? initialState(form.definition, prefill) : null;
  return (
    <>
      <Breadcrumbs t={t} items={[{ label: t.frame.navHome, href: "/" }, { label: productName, href: `/producten/${slug}` }, { label: t.forms.editor.breadcrumb }]} />
      <h1>{format(t.forms.preview.title, { product: productName })}</h1>
      <Banner kind="warning" title={t.forms.preview.banner} className="mb-8">
        <p>{t.forms.preview.bannerText}</p>
      </Banner>
      {form && state ? (
        <FormRunner
          t={{ form: t.form, forms: t.forms }}
          locale={locale}
          definition={form.definition}
          source={`versie:${form.versionId}`}
          initial={{ state, hidden: hiddenStateFields(state) }}
        />
      ) : (
        <p>{t.forms.preview.noForm}</p>
      )}
    </>
  );
}
