"use client";
import { useActionState } from "react";
import { useI18n } from "@/components/frame/I18nProvider";
import { Banner } from "@/components/ui/Banner";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Field } from "@/components/ui/Field";
import type { ActionState } from "@/lib/auth/action";
import { findPartyAction, revealBsnAction, type PartyResult } from "@/lib/parties/actions";
import { PartyCard } from "../partij/PartyCard";
import { formErrorsOf, PurposeFields } from "../partij/PurposeFields";

// lib/auth/action.ts is server-only; its "idle" state is this plain value.
const idle = { status: "idle" } as const;

/**
 * The counter lookup: BSN and purpose are posted (never in the URL), and the party's overview
 * comes back in the same response. Works without JavaScript: each form posts and the page is rebuilt.
 */
export function PartyLookup() {
  const { t, locale } = useI18n();
  const [lookupState, lookup, lookupPending] = useActionState<ActionState<PartyResult>, FormData>(findPartyAction, idle);
  const [revealState, reveal, revealPending] = useActionState<ActionState<PartyResult>, FormData>(revealBsnAction, idle);
  const found = lookupState.status === "ok" ? lookupState.data : null;
  const revealed = revealState.status === "ok" ? revealState.data : null;
  // Without JavaScript only the form that was posted has a state; with it, a newer lookup wins.
  const shown = found ? (revealed && revealed.party.id === found.party.id ? revealed : found) : revealed;
  const errors = lookupState.status === "error" ? lookupState.fieldErrors : {};
  const values = lookupState.status === "error" ? lookupState.values : {};
  const l = t.partyLookup;
  return (
    <>
      {shown ? (
        <PartyCard
          t={t}
          locale={locale}
          result={shown}
          revealAction={reveal}
          revealPending={revealPending}
          revealError={revealState.status === "error" ? (revealState.formError ?? Object.values(revealState.fieldErrors).flat()[0]) : undefined}
          showPageLink
        />
      ) : null}
      {!shown && revealState.status === "error" ? (
        <Banner kind="error" className="mb-6">
          <p>{revealState.formError ?? Object.values(revealState.fieldErrors).flat()[0]}</p>
        </Banner>
      ) : null}
      <ErrorSummary t={t} errors={formErrorsOf(errors)} />
      {lookupState.status === "error" && lookupState.formError ? (
        <Banner kind="error" className="mb-6">
          <p>{lookupState.formError}</p>
        </Banner>
      ) : null}
      <form action={lookup} noValidate className="max-w-3xl">
        {shown ? <h2>{l.searchAgain}</h2> : null}
        <Field t={t} id="bsn" label={l.bsnLabel} hint={l.bsnHint} error={errors.bsn?.[0]}>
          {(control) => <input {...control} type="text" inputMode="numeric" autoComplete="off" spellCheck={false} maxLength={11} defaultValue={values.bsn ?? ""} className={`${control.className} max-w-[14ch] font-mono`} />}
        </Field>
        <PurposeFields t={t} errors={errors} values={values} />
        <Button disabled={lookupPending}>{l.submit}</Button>
      </form>
    </>
  );
}
