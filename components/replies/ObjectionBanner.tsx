import Link from "next/link";
import { Banner } from "@/components/ui/Banner";
import { format, formatDate, type Locale, type Messages } from "@/lib/i18n";

/** On every page of a bezwaar draft started from a besluit: which besluit it objects to. */
export function ObjectionBanner({ t, locale, objection }: { t: Pick<Messages, "replies">; locale: Locale; objection: { messageId: string; subject: string; placedAt: Date } | null }) {
  if (!objection) return null;
  return (
    <Banner className="mb-6">
      <p data-testid="bezwaar-tegen">
        {format(t.replies.objection.banner, { subject: objection.subject, date: formatDate(objection.placedAt, locale) })}.{" "}
        <Link href={`/mijn/berichten/${objection.messageId}`}>{t.replies.objection.toDecision}</Link>
      </p>
    </Banner>
  );
}
