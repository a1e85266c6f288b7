"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { formView, idle } from "@/lib/forms/form-state";
import type { Messages } from "@/lib/i18n";
import { demoMessageAction } from "@/lib/replies/actions";

/** Demo only: let the demo case handler send an example request for information or besluit about this case. */
export function DemoMessagesForm({ t, caseId }: { t: Pick<Messages, "form" | "replies">; caseId: string }) {
  const [state, action, pending] = useActionState(demoMessageAction, idle);
  const view = formView(state, "demo-verzoek");
  return (
    <section aria-labelledby="demo-berichten" className="no-print mt-10 max-w-3xl border-t border-solid border-line pt-6">
      <h2 id="demo-berichten">{t.replies.demo.heading}</h2>
      <p>{t.replies.demo.intro}</p>
      <form action={action} noValidate className="flex flex-wrap gap-3">
        <ErrorSummary t={t} errors={view.summary} id="foutmeldingen-demo-berichten" />
        <input type="hidden" name="zaak" value={caseId} />
        <Button id="demo-verzoek" variant="secondary" name="soort" value="verzoek" disabled={pending}>
          {t.replies.demo.request}
        </Button>
        <Button variant="secondary" name="soort" value="besluit" disabled={pending}>
          {t.replies.demo.decision}
        </Button>
      </form>
    </section>
  );
}
