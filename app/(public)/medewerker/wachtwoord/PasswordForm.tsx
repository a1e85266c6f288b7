"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Field } from "@/components/ui/Field";
import type { Messages } from "@/lib/i18n";
import { changeOwnStaffPassword } from "@/lib/staff/actions";
import { formView, idle } from "@/lib/forms/form-state";

/** New password, twice. */
export function PasswordForm({ t, returnPath }: { t: Pick<Messages, "form" | "staff">; returnPath: string }) {
  const [state, action, pending] = useActionState(changeOwnStaffPassword, idle);
  const view = formView(state, "wachtwoord");
  return (
    <form action={action} noValidate>
      <ErrorSummary t={t} errors={view.summary} />
      <input type="hidden" name="terug" value={returnPath} />
      <Field t={t} id="wachtwoord" label={t.staff.password.new} hint={t.staff.password.newHint} error={view.field.wachtwoord}>
        {(c) => <input {...c} type="password" autoComplete="new-password" minLength={12} />}
      </Field>
      <Field t={t} id="herhaling" label={t.staff.password.confirm} error={view.field.herhaling}>
        {(c) => <input {...c} type="password" autoComplete="new-password" />}
      </Field>
      <Button disabled={pending}>{t.staff.password.submit}</Button>
    </form>
  );
}
