"use client";
import { useActionState } from "react";
import { useI18n } from "@/components/frame/I18nProvider";
import { Banner } from "@/components/ui/Banner";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import type { ActionState } from "@/lib/auth/action";
import { revealBsnAction, viewPartyAction, type PartyResult } from "@/lib/parties/actions";
import { PartyCard } from "../PartyCard";
import { formErrorsOf, PurposeFields } from "../PurposeFields";

// lib/auth/action.ts is server-only; its "idle" state is this plain value.
const idle = { status: "idle" } as const;

/**
 * A party's page for staff. With a purpose recorded moments ago (at the lookup) the overview is
 * shown at once; otherwise staff state the purpose first, and the overview comes back with it.
 */
export function PartyPage({ partyId, initial }: { partyId: string; initial: PartyResult | null }) {
  const { t, locale } = useI18n();
  const [viewState, view, viewPending] = useActionState<ActionState<PartyResult>, FormData>(viewPartyAction, idle);
  const [revealState, reveal, revealPending] = useActionState<ActionState<PartyResult>, FormData>(revealBsnAction, idle);
  const revealed = revealState.status === "ok" && revealState.data.party.id === partyId ? revealState.data : null;
  const shown = revealed ?? (viewState.status === "ok" ? viewState.data : initial);
  const revealError = revealState.status === "error" ? (revealState.formError ?? Object.values(revealState.fieldErrors).flat()[0]) : undefined;
  if (shown) {
    return <PartyCard t={t} locale={locale} result={shown} revealAction={reveal} revealPending={revealPending} revealError={revealError} />;
  }
  const errors = viewState.status === "error" ? viewState.fieldErrors : {};
  const values = viewState.status === "error" ? viewState.values : {};
  return (
    <>
      <ErrorSummary t={t} errors={formErrorsOf(errors)} />
      {viewState.status === "error" && viewState.formError ? (
        <Banner kind="error" className="mb-6">
          <p>{viewState.formError}</p>
        </Banner>
      ) : null}
      {revealError ? (
        <Banner kind="error" className="mb-6">
          <p>{revealError}</p>
        </Banner>
      ) : null}
      <p className="max-w-[70ch]">{t.partyLookup.partyPurposeIntro}</p>
      <form action={view} noValidate className="max-w-3xl">
        <input type="hidden" name="partij" value={partyId} />
        <PurposeFields t={t} errors={errors} values={values} />
        <Button disabled={viewPending}>{t.partyLookup.partyPurposeSubmit}</Button>
      </form>
    </>
  );
}
