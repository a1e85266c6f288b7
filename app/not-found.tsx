import type { Metadata } from "next";
import Link from "next/link";
import { FormattedText } from "@/components/ui/FormattedText";
import { PhoneLink } from "@/components/ui/PhoneLink";
import { branding } from "@/lib/branding";
import { getMessages } from "@/lib/i18n/server";

// The title says plainly that the page does not exist, in the resident's language.
export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.errors.notFoundTitle };
}

/** The 404 page, for unknown addresses and for notFound() (including records that are not yours). */
export default async function NotFound() {
  const { t } = await getMessages();
  const brand = branding();
  return (
    <>
      <h1>{t.errors.notFoundTitle}</h1>
      <p>{t.errors.notFoundText}</p>
      <p>
        <FormattedText text={t.errors.notFoundHelp} values={{ phone: <PhoneLink phone={brand.phone} /> }} />
      </p>
      <p>
        <Link href="/">{t.errors.toHome}</Link>
      </p>
    </>
  );
}
