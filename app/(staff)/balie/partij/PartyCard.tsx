import Link from "next/link";
import { Banner } from "@/components/ui/Banner";
import { Button } from "@/components/ui/Button";
import { format, formatDateTime, type Locale, type Messages } from "@/lib/i18n";
import type { PartyResult } from "@/lib/parties/actions";

/**
 * A party's overview as counter staff see it: the BSN masked unless they chose to show it (a
 * form, so that choice is a request of its own and is logged), and the purpose it was logged with.
 */
export function PartyCard({
  t,
  locale,
  result,
  revealAction,
  revealPending,
  revealError,
  showPageLink = false,
}: {
  t: Messages;
  locale: Locale;
  result: PartyResult;
  revealAction: (formData: FormData) => void;
  revealPending: boolean;
  revealError?: string;
  showPageLink?: boolean;
}) {
  const { party, purpose, bsn } = result;
  const l = t.partyLookup;
  return (
    <section aria-labelledby="partij-titel" className="mb-10 max-w-3xl border-l-8 border-solid border-brand bg-white py-2 pl-4">
      <h2 id="partij-titel">{l.resultTitle}</h2>
      <dl className="mb-6 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        <dt className="font-bold">{l.kindLabel}</dt>
        <dd className="mb-2 sm:mb-0">{party.kind === "person" ? l.kindPerson : l.kindBusiness}</dd>
        <dt className="font-bold">{l.name}</dt>
        <dd className="mb-2 break-words sm:mb-0">{party.displayName ?? l.nameUnknown}</dd>
        {party.kind === "person" ? (
          <>
            <dt className="font-bold">{l.bsn}</dt>
            <dd className="mb-2 sm:mb-0">
              {bsn ? (
                <span className="font-mono" data-testid="bsn-full">
                  {bsn}
                </span>
              ) : (
                <>
                  <span className="font-mono" data-testid="bsn-masked">
                    {party.maskedBsn}
                  </span>{" "}
                  <span className="text-muted">{l.bsnMaskedNote}</span>
                </>
              )}
            </dd>
          </>
        ) : (
          <>
            <dt className="font-bold">{l.kvk}</dt>
            <dd className="mb-2 sm:mb-0">{party.kvkNumber}</dd>
            {party.branchNumber ? (
              <>
                <dt className="font-bold">{l.branch}</dt>
                <dd className="mb-2 sm:mb-0">{party.branchNumber}</dd>
              </>
            ) : null}
          </>
        )}
        <dt className="font-bold">{l.createdAt}</dt>
        <dd className="mb-2 sm:mb-0">
          <time dateTime={party.createdAt}>{formatDateTime(new Date(party.createdAt), locale)}</time>
        </dd>
        <dt className="font-bold">{l.lastLoginAt}</dt>
        <dd>{party.lastLoginAt ? <time dateTime={party.lastLoginAt}>{formatDateTime(new Date(party.lastLoginAt), locale)}</time> : l.neverLoggedIn}</dd>
      </dl>
      <p className="text-muted">{format(l.loggedAs, { purpose })}</p>
      {revealError ? (
        <Banner kind="error" className="mb-4">
          <p>{revealError}</p>
        </Banner>
      ) : null}
      {party.kind === "person" && !bsn ? (
        <form action={revealAction} className="mb-4">
          <input type="hidden" name="partij" value={party.id} />
          <input type="hidden" name="doel" value={purpose} />
          <p id="toon-bsn-uitleg" className="mb-2">
            {l.revealHint}
          </p>
          <Button variant="secondary" aria-describedby="toon-bsn-uitleg" disabled={revealPending}>
            {l.reveal}
          </Button>
        </form>
      ) : null}
      {bsn ? (
        <Banner kind="info" className="mb-4">
          <p>{l.revealed}</p>
        </Banner>
      ) : null}
      {showPageLink ? (
        <p>
          <Link href={`/balie/partij/${party.id}`} prefetch={false}>
            {l.openParty}
          </Link>
        </p>
      ) : null}
    </section>
  );
}
