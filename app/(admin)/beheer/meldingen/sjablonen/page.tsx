import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { noticeKinds } from "@/lib/notifications/kinds";
import { env } from "@/lib/env";
import { format, formatDate, locales } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { renderNotice } from "@/lib/notifications/templates";
import { requireStaffPage } from "@/lib/staff/guard";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.notifications.templates.title, robots: { index: false } };
}

/** The sample term shown in every preview: six weeks from today. */
function sampleTermEnd(): string {
  return new Date(Date.now() + 42 * 86_400_000).toISOString().slice(0, 10);
}

/** Admins preview every notice template (kind x language) with sample data: subject, text and HTML. */
export default async function TemplatesPage() {
  await requireStaffPage("notifications:manage");
  const { locale, t } = await getMessages();
  const p = t.notifications.templates;
  const e = env();
  const termEndsOn = sampleTermEnd();
  return (
    <>
      <Breadcrumbs t={t} items={[{ label: t.staff.beheer.title, href: "/beheer" }, { label: p.title }]} />
      <h1>{p.title}</h1>
      <p className="max-w-[70ch]">{format(p.intro, { date: formatDate(new Date(`${termEndsOn}T12:00:00Z`), locale) })}</p>
      {noticeKinds.map((kind) => (
        <section key={kind} aria-labelledby={`sjabloon-${kind}`} className="mb-12">
          <h2 id={`sjabloon-${kind}`}>{t.notifications.kinds[kind]}</h2>
          {locales.map((language) => {
            const mail = renderNotice({ kind, language, portalUrl: e.publicUrl, municipality: e.municipality, termEndsOn });
            const headingId = `sjabloon-${kind}-${language}`;
            return (
              <section key={language} aria-labelledby={headingId} className="mb-8 border-l-8 border-solid border-line pl-4">
                <h3 id={headingId}>
                  {t.notifications.kinds[kind]}: {p.languages[language]}
                </h3>
                <p>
                  <span className="font-bold">{p.subject}:</span> <span data-testid="sjabloon-onderwerp">{mail.subject}</span>
                </p>
                <h4>{p.text}</h4>
                <pre className="max-w-3xl overflow-x-auto border border-solid border-line bg-surface p-4 font-mono text-base break-words whitespace-pre-wrap">{mail.text}</pre>
                <h4>{p.html}</h4>
                {/* sandbox="": the mail is shown, never run. */}
                <iframe sandbox="" srcDoc={mail.html} title={`${p.html}: ${t.notifications.kinds[kind]}, ${p.languages[language]}`} className="h-[32rem] w-full max-w-3xl border border-solid border-line bg-white" />
              </section>
            );
          })}
        </section>
      ))}
    </>
  );
}
