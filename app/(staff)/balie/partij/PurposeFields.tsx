import { Field } from "@/components/ui/Field";
import type { FormError } from "@/components/ui/ErrorSummary";
import type { Messages } from "@/lib/i18n";

export const REASONS = ["balie", "telefoon", "hulp-aanvraag"] as const;

/** The field errors of an action state as the error summary lists them (radio errors point at the first option). */
export function formErrorsOf(fieldErrors: Record<string, string[]> | undefined): FormError[] {
  return Object.entries(fieldErrors ?? {}).flatMap(([field, messages]) => messages.map((message) => ({ field: field === "reden" ? `reden-${REASONS[0]}` : field, message })));
}

/** Why staff look at a party's data: one of the usual reasons, and an optional explanation. */
export function PurposeFields({ t, errors, values }: { t: Messages; errors: Record<string, string[]>; values: Record<string, string> }) {
  const l = t.partyLookup;
  const reasonError = errors.reden?.[0];
  return (
    <>
      <fieldset className={`mb-6 ${reasonError ? "border-l-4 border-solid border-error pl-4" : ""}`} aria-describedby={reasonError ? "reden-error" : undefined}>
        <legend className="mb-2 font-bold">{l.reasonLegend}</legend>
        {reasonError ? (
          <p id="reden-error" className="mb-2 font-bold text-error">
            <span className="sr-only">{t.form.errorPrefix} </span>
            {reasonError}
          </p>
        ) : null}
        {REASONS.map((reason) => (
          <div key={reason} className="mb-2 flex items-center gap-3">
            <input type="radio" id={`reden-${reason}`} name="reden" value={reason} defaultChecked={values.reden === reason} className="size-6" />
            <label htmlFor={`reden-${reason}`}>{l.reasons[reason]}</label>
          </div>
        ))}
      </fieldset>
      <Field t={t} id="toelichting" label={l.detailLabel} hint={l.detailHint} error={errors.toelichting?.[0]} optional>
        {(control) => <input {...control} type="text" maxLength={200} autoComplete="off" defaultValue={values.toelichting ?? ""} />}
      </Field>
    </>
  );
}
