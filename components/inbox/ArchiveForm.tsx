"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { archiveMessageAction, unarchiveMessageAction } from "@/lib/inbox/actions";
import { formView, idle } from "@/lib/forms/form-state";
import type { Messages } from "@/lib/i18n";

/** The texts the form shows: only these go to the browser, not the whole catalogue. */
export type ArchiveFormTexts = { form: Pick<Messages["form"], "errorSummaryTitle">; actions: Pick<Messages["inboxView"]["actions"], "archive" | "unarchive" | "archiveHint"> };

/** Archive a message, or put it back in the inbox (a view setting only). A real form: works without JavaScript. */
export function ArchiveForm({ t, messageId, archived }: { t: ArchiveFormTexts; messageId: string; archived: boolean }) {
  const [state, action, pending] = useActionState(archived ? unarchiveMessageAction : archiveMessageAction, idle);
  const view = formView(state, "archiveren");
  const a = t.actions;
  return (
    <form action={action} noValidate>
      <ErrorSummary t={t} errors={view.summary} id="foutmeldingen-archiveren" />
      <input type="hidden" name="bericht" value={messageId} />
      <Button id="archiveren" variant="secondary" disabled={pending} aria-describedby={archived ? undefined : "archiveren-uitleg"}>
        {archived ? a.unarchive : a.archive}
      </Button>
      {archived ? null : (
        <p id="archiveren-uitleg" className="mt-2 max-w-[70ch] text-muted">
          {a.archiveHint}
        </p>
      )}
    </form>
  );
}
