"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { demoMessagesAction } from "@/lib/inbox/actions";
import { formView, idle } from "@/lib/forms/form-state";
import type { Messages } from "@/lib/i18n";

/** Demo only: one example of each kind of official message, sent through the real path. */
export function DemoMessagesForm({ t }: { t: { form: Pick<Messages["form"], "errorSummaryTitle">; inboxView: Pick<Messages["inboxView"], "demoHint" | "demoSubmit"> } }) {
  const [state, action, pending] = useActionState(demoMessagesAction, idle);
  const view = formView(state, "demo-berichten");
  return (
    <form action={action} noValidate className="no-print mt-8">
      <ErrorSummary t={t} errors={view.summary} id="foutmeldingen-demo-berichten" />
      <p className="max-w-[70ch] text-muted" id="demo-berichten-uitleg">
        {t.inboxView.demoHint}
      </p>
      <Button id="demo-berichten" variant="secondary" disabled={pending} aria-describedby="demo-berichten-uitleg">
        {t.inboxView.demoSubmit}
      </Button>
    </form>
  );
}
