"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { demoSubmissionAction } from "@/lib/cases/actions";
import { formView, idle } from "@/lib/forms/form-state";
import type { Messages } from "@/lib/i18n";

/** Demo only: send an example objection with an attachment through the real submit path. */
export function DemoSubmissionForm({ t }: { t: Pick<Messages, "form" | "cases"> }) {
  const [state, action, pending] = useActionState(demoSubmissionAction, idle);
  const view = formView(state, "demo-versturen");
  return (
    <form action={action} noValidate>
      <ErrorSummary t={t} errors={view.summary} id="foutmeldingen-demo" />
      <Button id="demo-versturen" variant="secondary" disabled={pending}>
        {t.cases.demoSubmit}
      </Button>
    </form>
  );
}
