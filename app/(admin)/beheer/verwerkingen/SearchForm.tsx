"use client";
import Link from "next/link";
import { useActionState } from "react";
import { useI18n } from "@/components/frame/I18nProvider";
import { Banner } from "@/components/ui/Banner";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Field } from "@/components/ui/Field";
import { searchProcessingLogAction } from "@/lib/audit/actions";
import type { ActionState } from "@/lib/auth/action";
import { format } from "@/lib/i18n";

// lib/auth/action.ts is server-only; its "idle" state is this plain value.
const idle = { status: "idle" } as const;

export interface CurrentSearch {
  partij?: string;
  medewerker?: string;
  handeling?: string;
  van?: string;
  tot?: string;
}

/** The search form of the processing log: posted, so a BSN typed here never reaches a URL. */
export function SearchForm({ current, clearPartyHref }: { current: CurrentSearch; clearPartyHref: string }) {
  const { t } = useI18n();
  const [state, search, pending] = useActionState<ActionState<undefined>, FormData>(searchProcessingLogAction, idle);
  const errors = state.status === "error" ? state.fieldErrors : {};
  const values: Record<string, string | undefined> = state.status === "error" ? state.values : { ...current };
  const l = t.processingLogAdmin;
  const summary = Object.entries(errors).flatMap(([field, messages]) => messages.map((message) => ({ field, message })));
  return (
    <section aria-labelledby="zoeken-titel" className="mb-10 max-w-3xl">
      <h2 id="zoeken-titel">{l.searchTitle}</h2>
      <ErrorSummary t={t} errors={summary} />
      {state.status === "error" && state.formError ? (
        <Banner kind="error" className="mb-6">
          <p>{state.formError}</p>
        </Banner>
      ) : null}
      <form action={search} noValidate>
        {values.partij ? (
          <div className="mb-6">
            <input type="hidden" name="partij" value={values.partij} />
            <p className="mb-1">{format(l.partyFilter, { party: values.partij })}</p>
            <Link href={clearPartyHref}>{l.clearParty}</Link>
          </div>
        ) : null}
        <Field t={t} id="bsn" label={l.bsnLabel} hint={l.bsnHint} error={errors.bsn?.[0]} optional>
          {(control) => <input {...control} type="text" inputMode="numeric" autoComplete="off" spellCheck={false} maxLength={11} defaultValue={state.status === "error" ? (state.values.bsn ?? "") : ""} className={`${control.className} max-w-[14ch] font-mono`} />}
        </Field>
        <Field t={t} id="medewerker" label={l.actorLabel} hint={l.actorHint} error={errors.medewerker?.[0]} optional>
          {(control) => <input {...control} type="text" autoComplete="off" spellCheck={false} defaultValue={values.medewerker ?? ""} />}
        </Field>
        <Field t={t} id="handeling" label={l.operationLabel} hint={l.operationHint} error={errors.handeling?.[0]} optional>
          {(control) => <input {...control} type="text" autoComplete="off" spellCheck={false} defaultValue={values.handeling ?? ""} />}
        </Field>
        <Field t={t} id="van" label={l.fromLabel} hint={l.dateHint} error={errors.van?.[0]} optional>
          {(control) => <input {...control} type="date" defaultValue={values.van ?? ""} className={`${control.className} max-w-[20ch]`} />}
        </Field>
        <Field t={t} id="tot" label={l.toLabel} hint={l.dateHint} error={errors.tot?.[0]} optional>
          {(control) => <input {...control} type="date" defaultValue={values.tot ?? ""} className={`${control.className} max-w-[20ch]`} />}
        </Field>
        <Button disabled={pending}>{l.submit}</Button>
      </form>
    </section>
  );
}
