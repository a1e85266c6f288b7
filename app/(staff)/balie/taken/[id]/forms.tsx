"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Field } from "@/components/ui/Field";
import { formView, idle } from "@/lib/forms/form-state";
import type { Messages } from "@/lib/i18n";
import { closeFallbackTaskAction, savePostalAddressAction } from "@/lib/notifications/actions";

type T = Pick<Messages, "form" | "notifications" | "partyLookup">;
const OUTCOMES = ["phoned", "letter-sent", "counter-visit", "address-fixed", "unreachable"] as const;

/** The postal address for the letter, typed from the BRP or the trade register. */
export function PostalAddressForm({ t, taskId, current }: { t: T; taskId: string; current: string | null }) {
  const [state, action, pending] = useActionState(savePostalAddressAction, idle);
  const view = formView(state, "adres");
  const k = t.notifications.tasks;
  return (
    <form action={action} noValidate className="mb-4">
      <ErrorSummary t={t} errors={view.summary} id="foutmeldingen-adres" />
      <input type="hidden" name="taak" value={taskId} />
      <Field t={t} id="adres" label={k.addressLabel} hint={k.addressHint} error={view.field.adres} kind="textarea">
        {(c) => <textarea {...c} rows={5} autoComplete="off" defaultValue={state.status === "error" ? (view.values.adres ?? "") : (current ?? "")} />}
      </Field>
      <Button variant="secondary" disabled={pending}>
        {k.saveAddress}
      </Button>
    </form>
  );
}

/** Closing the task with what staff did. */
export function CloseTaskForm({ t, taskId }: { t: T; taskId: string }) {
  const [state, action, pending] = useActionState(closeFallbackTaskAction, idle);
  const view = formView(state, `uitkomst-${OUTCOMES[0]}`);
  const summary = view.summary.map((e) => (e.field === "uitkomst" ? { ...e, field: `uitkomst-${OUTCOMES[0]}` } : e));
  const k = t.notifications.tasks;
  const error = view.field.uitkomst;
  return (
    <form action={action} noValidate>
      <ErrorSummary t={t} errors={summary} id="foutmeldingen-afronden" />
      <input type="hidden" name="taak" value={taskId} />
      <fieldset className={`mb-6 ${error ? "border-l-4 border-solid border-error pl-4" : ""}`} aria-describedby={error ? "uitkomst-error" : undefined}>
        <legend className="mb-2 font-bold">{k.outcomeLegend}</legend>
        {error ? (
          <p id="uitkomst-error" className="mb-2 font-bold text-error">
            <span className="sr-only">{t.form.errorPrefix} </span>
            {error}
          </p>
        ) : null}
        {OUTCOMES.map((outcome) => (
          <div key={outcome} className="mb-2 flex items-center gap-3">
            <input type="radio" id={`uitkomst-${outcome}`} name="uitkomst" value={outcome} defaultChecked={view.values.uitkomst === outcome} className="size-6" />
            <label htmlFor={`uitkomst-${outcome}`}>{k.outcomes[outcome]}</label>
          </div>
        ))}
      </fieldset>
      <Field t={t} id="toelichting" label={k.noteLabel} error={view.field.toelichting} optional kind="textarea">
        {(c) => <textarea {...c} rows={3} maxLength={500} defaultValue={view.values.toelichting ?? ""} />}
      </Field>
      <Button disabled={pending}>{k.close}</Button>
    </form>
  );
}
