import Link from "next/link";
import type { Branding } from "@/lib/branding";
import { format, type Locale, type Messages } from "@/lib/i18n";

/** The footer every page shares: how to get help (phone, counter, opening hours; R24) and about the site. */
export function SiteFooter({ t, brand, locale }: { t: Messages; brand: Branding; locale: Locale }) {
  return (
    <footer className="mt-12 border-t-4 border-brand bg-surface">
      <div className="mx-auto grid max-w-5xl gap-8 px-4 py-8 md:grid-cols-2">
        <section aria-labelledby="footer-help">
          <h2 id="footer-help" className="mt-0">
            {t.footer.helpHeading}
          </h2>
          <p>{t.footer.helpIntro}</p>
          <ul className="space-y-1">
            <li>
              <a href={`tel:${brand.phone.replace(/\s/g, "")}`}>{format(t.footer.phone, { phone: brand.phone })}</a>
            </li>
            <li>
              <a href={`mailto:${brand.email}`}>{format(t.footer.email, { email: brand.email })}</a>
            </li>
            <li>{format(t.footer.counter, { address: brand.counterAddress })}</li>
            <li>{format(t.footer.openingHours, { hours: brand.openingHours[locale] })}</li>
          </ul>
        </section>
        <nav aria-labelledby="footer-about">
          <h2 id="footer-about" className="mt-0">
            {t.footer.aboutHeading}
          </h2>
          <ul className="space-y-1">
            <li>
              <Link href="/hulp">{t.footer.help}</Link>
            </li>
            <li>
              <Link href="/termijnen">{t.deadlines.footerLink}</Link>
            </li>
            <li>
              <Link href="/toegankelijkheid">{t.footer.accessibility}</Link>
            </li>
            <li>
              <a href={brand.website}>{format(t.footer.website, { municipality: brand.name })}</a>
            </li>
          </ul>
        </nav>
      </div>
    </footer>
  );
}
