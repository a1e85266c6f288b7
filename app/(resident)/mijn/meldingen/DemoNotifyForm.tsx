"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Field } from "@/components/ui/Field";
import { formView, idle } from "@/lib/forms/form-state";
import type { Messages } from "@/lib/i18n";
import { demoNotifyAction } from "@/lib/notifications/actions";

const KINDS = ["decision", "information-request", "receipt", "reminder", "outage", "draft-expiring"] as const;

/** Demo only: send oneself an example notice. */
export function DemoNotifyForm({ t }: { t: Pick<Messages, "form" | "notifications"> }) {
  const [state, action, pending] = useActionState(demoNotifyAction, idle);
  const view = formView(state, "soort");
  return (
    <form action={action} noValidate>
      <ErrorSummary t={t} errors={view.summary} id="foutmeldingen-demo" />
      <Field t={t} id="soort" label={t.notifications.mine.demoKind} error={view.field.soort} kind="select">
        {(c) => (
          <select {...c} defaultValue={view.values.soort ?? "decision"}>
            {KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t.notifications.kinds[kind]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Button variant="secondary" disabled={pending}>
        {t.notifications.mine.demoSubmit}
      </Button>
    </form>
  );
}
