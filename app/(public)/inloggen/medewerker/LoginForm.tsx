"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Field } from "@/components/ui/Field";
import type { Messages } from "@/lib/i18n";
import { staffLogin } from "@/lib/staff/actions";
import { formView, idle } from "@/lib/forms/form-state";

/** E-mail address and password; works without JavaScript (a plain form post to the server action). */
export function StaffLoginForm({ t, returnPath }: { t: Pick<Messages, "form" | "staff">; returnPath: string }) {
  const [state, action, pending] = useActionState(staffLogin, idle);
  const view = formView(state, "email");
  return (
    <form action={action} noValidate aria-labelledby="inloggen-wachtwoord">
      <ErrorSummary t={t} errors={view.summary} />
      <input type="hidden" name="terug" value={returnPath} />
      <Field t={t} id="email" label={t.staff.login.email} error={view.field.email}>
        {(c) => <input {...c} type="email" autoComplete="username" spellCheck={false} defaultValue={view.values.email ?? ""} />}
      </Field>
      <Field t={t} id="wachtwoord" label={t.staff.login.password} error={view.field.wachtwoord}>
        {(c) => <input {...c} type="password" autoComplete="current-password" />}
      </Field>
      <Button disabled={pending}>{t.staff.login.submit}</Button>
    </form>
  );
}
