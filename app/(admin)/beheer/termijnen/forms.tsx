"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Field } from "@/components/ui/Field";
import { addEquatedDayAction } from "@/lib/deadlines/actions";
import { formView, idle } from "@/lib/forms/form-state";
import type { Messages } from "@/lib/i18n";

type T = Pick<Messages, "form" | "deadlines">;

/** Adds a day equated with a holiday by Royal decree: date, reason and decree. */
export function AddEquatedDayForm({ t }: { t: T }) {
  const [state, action, pending] = useActionState(addEquatedDayAction, idle);
  const view = formView(state, "datum");
  return (
    <form action={action} noValidate aria-labelledby="toevoegen">
      <h2 id="toevoegen">{t.deadlines.admin.addHeading}</h2>
      <ErrorSummary t={t} errors={view.summary} />
      <Field t={t} id="datum" label={t.deadlines.admin.dateLabel} hint={t.deadlines.admin.dateHint} error={view.field.datum}>
        {(c) => <input {...c} type="text" autoComplete="off" spellCheck={false} defaultValue={view.values.datum ?? ""} className={c.className.replace("max-w-xl", "max-w-48")} />}
      </Field>
      <Field t={t} id="reden" label={t.deadlines.admin.reasonLabel} hint={t.deadlines.admin.reasonHint} error={view.field.reden}>
        {(c) => <input {...c} type="text" autoComplete="off" defaultValue={view.values.reden ?? ""} />}
      </Field>
      <Field t={t} id="besluit" label={t.deadlines.admin.decreeLabel} hint={t.deadlines.admin.decreeHint} error={view.field.besluit} kind="textarea">
        {(c) => <textarea {...c} rows={3} defaultValue={view.values.besluit ?? ""} />}
      </Field>
      <Button disabled={pending}>{t.deadlines.admin.submit}</Button>
    </form>
  );
}
