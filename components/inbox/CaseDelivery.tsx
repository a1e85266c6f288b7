import Link from "next/link";
import { Banner } from "@/components/ui/Banner";
import type { Actor } from "@/lib/auth/policy";
import { format, type Locale, type Messages } from "@/lib/i18n";
import { caseMessageProofsForStaff, ownCaseDeliveryFlags } from "@/lib/inbox/case-delivery";
import { MessageDelivery } from "./MessageDelivery";

/**
 * The case handler's view of the messages of a case: every message with its sending and
 * receipt (R16), undelivered notices and terms not to be held against the resident marked
 * (R13, R14). Renders nothing for a case without messages.
 */
export async function StaffCaseDelivery({ actor, caseId, locale, t }: { actor: Extract<Actor, { kind: "staff" }>; caseId: string; locale: Locale; t: Messages }) {
  const proofs = await caseMessageProofsForStaff(actor, caseId);
  if (proofs.length === 0) return null;
  const notHeld = proofs.filter((p) => p.standing.notHeldAgainst).length;
  const undelivered = proofs.filter((p) => p.standing.undelivered).length;
  return (
    <section aria-labelledby="bezorging" data-testid="zaak-bezorging">
      <h2 id="bezorging">{t.inboxTerms.delivery.heading}</h2>
      {notHeld > 0 ? (
        <Banner kind="warning" className="mb-4">
          <p data-testid="zaak-niet-tegenwerpen">{format(t.inboxTerms.staff.caseNotHeldAgainst, { count: notHeld })}</p>
        </Banner>
      ) : null}
      {undelivered > notHeld ? (
        <Banner kind="warning" className="mb-4">
          <p>{format(t.inboxTerms.staff.caseSummary, { count: undelivered })}</p>
        </Banner>
      ) : null}
      {proofs.map((proof) => (
        <article key={proof.message.id} aria-label={proof.message.subject} className="mb-6 border-t border-solid border-line pt-4">
          <h3>{proof.message.subject}</h3>
          <MessageDelivery proof={proof} audience="staff" locale={locale} t={t} headingLevel={4} downloadHref={`/behandeling/berichten/${proof.message.id}/bewijs`} />
        </article>
      ))}
    </section>
  );
}

/** On the resident's case page: the messages whose notice did not reach them, or whose term is not held against them (R13, R14). */
export async function OwnCaseDelivery({ actor, caseId, t }: { actor: Extract<Actor, { kind: "party" }>; caseId: string; t: Messages }) {
  const flags = await ownCaseDeliveryFlags(actor, caseId);
  if (flags.length === 0) return null;
  return (
    <Banner kind="warning" className="mb-6">
      <ul className="mb-0 space-y-2" data-testid="zaak-bezorging">
        {flags.map((f) => (
          <li key={f.messageId}>
            <Link href={`/mijn/berichten/${f.messageId}`} prefetch={false}>
              {f.subject}
            </Link>
            : {f.notHeldAgainst ? t.inboxTerms.notHeldAgainst : t.inboxTerms.undelivered}
          </li>
        ))}
      </ul>
    </Banner>
  );
}
