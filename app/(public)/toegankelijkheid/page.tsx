import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { FormattedText } from "@/components/ui/FormattedText";
import { PhoneLink } from "@/components/ui/PhoneLink";
import { branding } from "@/lib/branding";
import { format, formatDate } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";

// Change this date whenever the statement's content changes.
const STATEMENT_UPDATED = new Date("2026-11-28T12:00:00Z");
const OMBUDSMAN_URL = "https://www.nationaleombudsman.nl";

// The page title, in the resident's language; the root layout adds the municipality.
export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.accessibility.title };
}

/** The accessibility statement (R27): which standard applies, where we stand, how to report a problem. */
export default async function AccessibilityPage() {
  const { locale, t } = await getMessages();
  const brand = branding();
  const sections = [
    { id: "eisen", heading: t.accessibility.standardHeading, text: t.accessibility.standardText },
    { id: "stand", heading: t.accessibility.statusHeading, text: t.accessibility.statusText },
    { id: "bekend", heading: t.accessibility.knownHeading, text: t.accessibility.knownText },
  ];
  return (
    <>
      <Breadcrumbs t={t} items={[{ label: t.frame.navHome, href: "/" }, { label: t.accessibility.title }]} />
      <h1>{t.accessibility.title}</h1>
      <p className="text-xl">{format(t.accessibility.intro, { municipality: brand.name })}</p>

      {sections.map((s) => (
        <section key={s.id} aria-labelledby={s.id}>
          <h2 id={s.id}>{s.heading}</h2>
          <p>{s.text}</p>
        </section>
      ))}

      <section aria-labelledby="melden">
        <h2 id="melden">{t.accessibility.reportHeading}</h2>
        <p>
          <FormattedText
            text={t.accessibility.reportText}
            values={{ phone: <PhoneLink phone={brand.phone} />, email: <a href={`mailto:${brand.email}`}>{brand.email}</a> }}
          />
        </p>
      </section>

      <section aria-labelledby="klacht">
        <h2 id="klacht">{t.accessibility.complaintHeading}</h2>
        <p>{t.accessibility.complaintText}</p>
        <p>
          <a href={OMBUDSMAN_URL} hrefLang="nl">
            {t.accessibility.complaintLink}
          </a>
        </p>
      </section>

      <p className="mt-8 text-muted">{format(t.accessibility.updated, { date: formatDate(STATEMENT_UPDATED, locale) })}</p>
    </>
  );
}
