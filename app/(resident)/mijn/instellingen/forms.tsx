"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Field } from "@/components/ui/Field";
import { formView, idle } from "@/lib/forms/form-state";
import type { Messages } from "@/lib/i18n";
import { resendVerificationAction, saveConsentAction, saveEmailAction, saveMobileAction } from "@/lib/notifications/actions";

type T = Pick<Messages, "form" | "notifications">;
const KINDS = ["decision", "information-request", "receipt", "reminder", "outage", "draft-expiring"] as const;

/** The e-mail address; a new one gets a verification link. */
export function EmailForm({ t, current }: { t: T; current: string | null }) {
  const [state, action, pending] = useActionState(saveEmailAction, idle);
  const view = formView(state, "email");
  const s = t.notifications.settings;
  return (
    <form action={action} noValidate className="mb-4">
      <ErrorSummary t={t} errors={view.summary} id="foutmeldingen-email" />
      <Field t={t} id="email" label={s.emailLabel} hint={s.emailHint} error={view.field.email}>
        {(c) => <input {...c} type="email" autoComplete="email" spellCheck={false} defaultValue={state.status === "error" ? (view.values.email ?? "") : (current ?? "")} />}
      </Field>
      <Button disabled={pending}>{s.saveEmail}</Button>
    </form>
  );
}

/** A new verification link for an address that is not verified yet. */
export function ResendForm({ t }: { t: T }) {
  const [state, action, pending] = useActionState(resendVerificationAction, idle);
  const view = formView(state, "nieuwe-link");
  return (
    <form action={action} className="mb-4">
      <ErrorSummary t={t} errors={view.summary} id="foutmeldingen-link" />
      <Button id="nieuwe-link" variant="secondary" disabled={pending}>
        {t.notifications.settings.resend}
      </Button>
    </form>
  );
}

/** The optional Dutch mobile number. */
export function MobileForm({ t, current }: { t: T; current: string | null }) {
  const [state, action, pending] = useActionState(saveMobileAction, idle);
  const view = formView(state, "mobiel");
  const s = t.notifications.settings;
  return (
    <form action={action} noValidate>
      <ErrorSummary t={t} errors={view.summary} id="foutmeldingen-mobiel" />
      <Field t={t} id="mobiel" label={s.mobileLabel} hint={s.mobileHint} error={view.field.mobiel} optional>
        {(c) => <input {...c} type="tel" autoComplete="tel" defaultValue={state.status === "error" ? (view.values.mobiel ?? "") : (current ?? "")} />}
      </Field>
      <Button disabled={pending}>{s.saveMobile}</Button>
    </form>
  );
}

/** Channel consent: one box per message type, ticked means digital. */
export function ConsentForm({ t, current, needsEmail }: { t: T; current: Record<string, boolean | null>; needsEmail: boolean }) {
  const [state, action, pending] = useActionState(saveConsentAction, idle);
  const view = formView(state, "digitaal-decision");
  const s = t.notifications.settings;
  const checked = (kind: string) => (state.status === "error" ? view.values[`digitaal-${kind}`] === "ja" : current[kind] === true);
  return (
    <form action={action} noValidate>
      <ErrorSummary t={t} errors={view.summary} id="foutmeldingen-kanaalkeuze" />
      <fieldset className="mb-6" aria-describedby={needsEmail ? "kanaalkeuze-email" : undefined}>
        <legend className="mb-2 font-bold">{s.consentLegend}</legend>
        {needsEmail ? (
          <p id="kanaalkeuze-email" className="mb-2 text-muted">
            {s.consentNeedsEmail}
          </p>
        ) : null}
        {KINDS.map((kind) => (
          <div key={kind} className="mb-3 flex items-start gap-3">
            <input type="checkbox" id={`digitaal-${kind}`} name={`digitaal-${kind}`} value="ja" defaultChecked={checked(kind)} className="mt-1 h-6 w-6 shrink-0" aria-describedby={`digitaal-${kind}-uitleg`} />
            <div>
              <label htmlFor={`digitaal-${kind}`} className="font-semibold">
                {t.notifications.kinds[kind]}
              </label>
              <p id={`digitaal-${kind}-uitleg`} className="mb-0 text-muted">
                {t.notifications.kindHints[kind]}
              </p>
            </div>
          </div>
        ))}
      </fieldset>
      <Button disabled={pending}>{s.saveConsent}</Button>
    </form>
  );
}
