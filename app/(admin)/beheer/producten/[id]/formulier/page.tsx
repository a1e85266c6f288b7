import type { Metadata } from "next";
import Link from "next/link";
import { FormEditor, ImportForm, PublishForm } from "@/components/forms/FormEditor";
import { Banner } from "@/components/ui/Banner";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { definitionToText, type FormDefinition } from "@/lib/catalogue/forms/definition";
import { getFormEditor } from "@/lib/catalogue/forms/queries";
import { initialState } from "@/lib/catalogue/forms/runner";
import { hiddenStateFields } from "@/lib/catalogue/forms/state-store";
import { starterDefinition } from "@/lib/catalogue/forms/starter";
import { format, formatDateTime } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { requireStaffPage } from "@/lib/staff/guard";

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const actor = await requireStaffPage("catalogue:manage");
  const { locale, t } = await getMessages();
  const view = await getFormEditor(actor, (await params).id, locale);
  return { title: format(t.forms.editor.title, { product: view.product.name }), robots: { index: false } };
}

/** The form of one product: edit the definition (JSON) with a preview beside it, publish, versions, import and export. */
export default async function FormEditorPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const actor = await requireStaffPage("catalogue:manage");
  const { locale, t } = await getMessages();
  const { id } = await params;
  const query = await searchParams;
  const view = await getFormEditor(actor, id, locale);
  const notice = typeof query.melding === "string" && Object.hasOwn(t.forms.editor.notices, query.melding) ? t.forms.editor.notices[query.melding as keyof typeof t.forms.editor.notices] : undefined;

  // What the text box starts with: a version chosen from the list, else the draft, else the current version, else a starter.
  const chosen = typeof query.versie === "string" ? view.versions.find((v) => v.id === query.versie) : undefined;
  const chosenDefinition = chosen?.definition ?? null;
  let start: { definition: FormDefinition; source: string; label?: string; published?: boolean };
  if (chosen && chosenDefinition) start = { definition: chosenDefinition, source: `versie:${chosen.id}`, label: String(chosen.version), published: chosen.status === "published" };
  else if (view.draft) start = { definition: view.draft.definition, source: `versie:${view.draft.id}`, label: String(view.draft.version) };
  else if (view.current) start = { definition: view.current.definition, source: `versie:${view.current.id}`, label: String(view.current.version), published: true };
  else start = { definition: starterDefinition({ nl: view.product.name, en: view.product.name }), source: "definitie" };
  const text = definitionToText(start.definition);
  const first = initialState(start.definition);
  const tt = { form: t.form, forms: t.forms };
  const who = (name: string | null) => name ?? t.forms.editor.system;

  return (
    <>
      <Breadcrumbs
        t={t}
        items={[
          { label: t.staff.beheer.title, href: "/beheer" },
          { label: t.forms.editor.listTitle, href: "/beheer/formulieren" },
          { label: view.product.name },
        ]}
      />
      <h1>{format(t.forms.editor.title, { product: view.product.name })}</h1>
      {notice ? (
        <Banner kind="success" className="mb-6">
          <p role="status">{notice}</p>
        </Banner>
      ) : null}
      <p className="max-w-[70ch]">{t.forms.editor.intro}</p>
      {view.current ? (
        <p>
          <Link href={`/producten/${view.product.slug}/formulier`}>{t.forms.editor.publicLink}</Link>
        </p>
      ) : null}

      <section aria-labelledby="publiceren-titel" className="mb-10">
        <h2 id="publiceren-titel">{t.forms.editor.publishHeading}</h2>
        {view.draft ? (
          <>
            <p>{format(t.forms.editor.publishText, { version: view.draft.version })}</p>
            <PublishForm t={tt} productId={view.product.id} versionId={view.draft.id} version={view.draft.version} />
          </>
        ) : (
          <p>{t.forms.editor.publishNoDraft}</p>
        )}
      </section>

      <section aria-labelledby="definitie-titel" className="mb-10">
        <h2 id="definitie-titel">{start.label ? format(t.forms.editor.definitionOf, { version: start.label, status: start.published ? t.forms.editor.statusPublished : t.forms.editor.statusDraft }) : t.forms.editor.definitionLabel}</h2>
        <FormEditor
          key={`${start.source}:${query.melding ?? ""}`}
          t={tt}
          locale={locale}
          productId={view.product.id}
          initialText={text}
          initialPreview={{ definition: start.definition, source: start.source, run: { state: first, hidden: hiddenStateFields(first) } }}
        />
      </section>

      <section aria-labelledby="versies" className="mb-10">
        <h2 id="versies">{t.forms.editor.versionsHeading}</h2>
        {view.versions.length === 0 ? (
          <p>{t.forms.editor.noVersions}</p>
        ) : (
          <div className="overflow-x-auto">
            <table className="w-full border-collapse text-left">
              <thead>
                <tr className="border-b-2 border-ink">
                  <th scope="col" className="py-2 pr-4">{t.forms.editor.colVersion}</th>
                  <th scope="col" className="py-2 pr-4">{t.forms.editor.colStatus}</th>
                  <th scope="col" className="py-2 pr-4">{t.forms.editor.colCreated}</th>
                  <th scope="col" className="py-2 pr-4">{t.forms.editor.colPublished}</th>
                  <th scope="col" className="py-2">{t.forms.editor.colActions}</th>
                </tr>
              </thead>
              <tbody>
                {view.versions.map((v) => (
                  <tr key={v.id} className="border-b border-muted align-top">
                    <td className="py-2 pr-4">{v.version}</td>
                    <td className="py-2 pr-4">{v.status === "draft" ? t.forms.editor.statusDraft : v.current ? t.forms.editor.statusCurrent : t.forms.editor.statusPublished}</td>
                    <td className="py-2 pr-4">{format(t.forms.editor.by, { when: formatDateTime(v.createdAt, locale), who: who(v.createdBy) })}</td>
                    <td className="py-2 pr-4">{v.publishedAt ? format(t.forms.editor.by, { when: formatDateTime(v.publishedAt, locale), who: who(v.publishedBy) }) : "–"}</td>
                    <td className="py-2">
                      {(
                        <Link href={`/beheer/producten/${view.product.id}/formulier?versie=${v.id}#definitie-titel`} className="mr-4">
                          {t.forms.editor.viewVersion}
                          <span className="sr-only"> {format(t.forms.editor.viewVersionOf, { version: v.version })}</span>
                        </Link>
                      )}
                      <a href={`/beheer/producten/${view.product.id}/formulier/export?versie=${v.id}`} download>
                        {t.forms.editor.download}
                        <span className="sr-only"> ({format(t.forms.editor.downloadOf, { version: v.version })})</span>
                      </a>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>

      <section aria-labelledby="importeren" className="mb-10">
        <h2 id="importeren">{t.forms.editor.importHeading}</h2>
        <p className="max-w-[70ch]">{t.forms.editor.importText}</p>
        <ImportForm t={tt} productId={view.product.id} />
      </section>

      {view.changes.length ? (
        <section aria-labelledby="wijzigingen" className="mb-10">
          <h2 id="wijzigingen">{t.forms.editor.historyHeading}</h2>
          <ul className="space-y-1">
            {view.changes.map((c, i) => (
              <li key={i}>
                {format(t.forms.editor.historyItem, {
                  when: formatDateTime(c.at, locale),
                  what: format(t.forms.editor.events[c.kind], { version: c.version }),
                  who: who(c.by),
                })}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </>
  );
}
