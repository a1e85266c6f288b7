import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { FormattedText } from "@/components/ui/FormattedText";
import { PhoneLink } from "@/components/ui/PhoneLink";
import { branding } from "@/lib/branding";
import { format } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";

const DIGID_HELP_URL = "https://www.digid.nl/hulp";
const IDO_URL = "https://www.informatiepuntdigitaleoverheid.nl";

// The page title, in the resident's language; the root layout adds the municipality.
export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.help.title };
}

/** Help and contact (R24): every way to reach the municipality, and help from a person. */
export default async function HelpPage() {
  const { locale, t } = await getMessages();
  const brand = branding();
  const hours = format(t.footer.openingHours, { hours: brand.openingHours[locale] });
  return (
    <>
      <Breadcrumbs t={t} items={[{ label: t.frame.navHome, href: "/" }, { label: t.help.title }]} />
      <h1>{t.help.title}</h1>
      <p className="text-xl">{t.help.intro}</p>

      <div className="mt-8 grid gap-x-10 gap-y-4 md:grid-cols-2">
        <section aria-labelledby="bellen" className="border-t-4 border-solid border-brand">
          <h2 id="bellen" className="mt-3">{t.help.phoneHeading}</h2>
          <p>
            <FormattedText text={t.help.phoneText} values={{ phone: <PhoneLink phone={brand.phone} className="font-bold" />, hours }} />
          </p>
        </section>

        <section aria-labelledby="langskomen" className="border-t-4 border-solid border-brand">
          <h2 id="langskomen" className="mt-3">{t.help.counterHeading}</h2>
          <p>{format(t.help.counterText, { address: brand.counterAddress })}</p>
          <p>{hours}</p>
        </section>

        <section aria-labelledby="mailen" className="border-t-4 border-solid border-brand">
          <h2 id="mailen" className="mt-3">{t.help.emailHeading}</h2>
          <p>
            <FormattedText text={t.help.emailText} values={{ email: <a href={`mailto:${brand.email}`}>{brand.email}</a> }} />
          </p>
        </section>

        <section aria-labelledby="samen" className="border-t-4 border-solid border-brand">
          <h2 id="samen" className="mt-3">{t.help.assistedHeading}</h2>
          <p>{t.help.assistedText}</p>
        </section>
      </div>

      <section aria-labelledby="termijnen">
        <h2 id="termijnen">{t.deadlines.helpHeading}</h2>
        <p>{t.deadlines.helpText}</p>
        <p>
          <Link href="/termijnen">{t.deadlines.helpLink}</Link>
        </p>
      </section>

      <section aria-labelledby="digid">
        <h2 id="digid">{t.help.digidHeading}</h2>
        <p>{t.help.digidText}</p>
        <ul className="list-disc space-y-1 pl-6">
          <li>
            <a href={DIGID_HELP_URL}>{t.help.digidHelpdeskLink}</a>
          </li>
          <li>
            <a href={IDO_URL} hrefLang="nl">
              {t.help.idoLink}
            </a>
          </li>
        </ul>
      </section>
    </>
  );
}
