"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Field } from "@/components/ui/Field";
import { makeMessageLetterAction } from "@/lib/inbox/letter-actions";
import { formView, idle } from "@/lib/forms/form-state";
import type { Messages } from "@/lib/i18n";

/** The address for the letter (typed from the BRP or the Handelsregister), then the PDF. */
export function LetterForm({ t, messageId, address }: { t: Pick<Messages, "form" | "sendingMessages">; messageId: string; address: string }) {
  const [state, action, pending] = useActionState(makeMessageLetterAction, idle);
  const view = formView(state, "adres");
  const l = t.sendingMessages.letter;
  return (
    <form action={action} noValidate>
      <ErrorSummary t={t} errors={view.summary} />
      <input type="hidden" name="bericht" value={messageId} />
      <Field t={t} id="adres" label={l.addressLabel} hint={l.addressHint} error={view.field.adres} kind="textarea">
        {(c) => <textarea {...c} rows={6} autoComplete="off" defaultValue={view.values.adres ?? address} />}
      </Field>
      <Button disabled={pending}>{l.save}</Button>
    </form>
  );
}
