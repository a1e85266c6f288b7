import Form from "next/form";
import { Button } from "@/components/ui/Button";
import { ErrorSummary, type FormError } from "@/components/ui/ErrorSummary";
import { controlClassName, Field, fieldIds } from "@/components/ui/Field";
import { longDate } from "@/lib/deadlines/calendar";
import type { TermResult } from "@/lib/deadlines/terms";
import { format, type Locale, type Messages } from "@/lib/i18n";

type T = Pick<Messages, "form" | "deadlines">;

export interface CalculatorValues {
  datum: string;
  aantal: string;
  eenheid: string;
}

/**
 * The term calculator's form: a plain GET form to /termijnen, so it works without JavaScript
 * and the result has an address that can be shared or bookmarked. With JavaScript, next/form
 * fetches the result without reloading the page. Whatever was typed comes back in the fields.
 */
export function TermCalculatorForm({ t, values, errors }: { t: T; values: CalculatorValues; errors: FormError[] }) {
  const fieldError = (field: string) => errors.find((e) => e.field === field)?.message;
  const amountError = fieldError("aantal");
  const unitError = fieldError("eenheid");
  const termIds = fieldIds("termijn");
  return (
    <Form action="/termijnen" noValidate aria-labelledby="bereken">
      <h2 id="bereken">{t.deadlines.formHeading}</h2>
      <ErrorSummary t={t} errors={errors} />
      <Field t={t} id="datum" label={t.deadlines.dateLabel} hint={t.deadlines.dateHint} error={fieldError("datum")}>
        {(c) => <input {...c} type="text" autoComplete="off" spellCheck={false} defaultValue={values.datum} className={c.className.replace("max-w-xl", "max-w-48")} />}
      </Field>
      <fieldset className={`mb-6 ${amountError || unitError ? "border-l-4 border-solid border-error pl-4" : ""}`} aria-describedby={termIds.hint}>
        <legend className="mb-1 font-bold">{t.deadlines.termLegend}</legend>
        <p id={termIds.hint} className="mb-2 max-w-[70ch] text-muted">
          {t.deadlines.termHint}
        </p>
        <div className="flex flex-wrap gap-x-6">
          <Field t={t} id="aantal" label={t.deadlines.amountLabel} error={amountError}>
            {(c) => <input {...c} type="text" inputMode="numeric" autoComplete="off" defaultValue={values.aantal} className={c.className.replace("max-w-xl", "max-w-24")} />}
          </Field>
          <div className={`mb-6 ${unitError ? "border-l-4 border-solid border-error pl-4" : ""}`}>
            <label htmlFor="eenheid" className="mb-1 block font-bold">
              {t.deadlines.unitLabel}
            </label>
            {unitError ? (
              <p id={fieldIds("eenheid").error} className="mb-2 font-bold text-error">
                <span className="sr-only">{t.form.errorPrefix} </span>
                {unitError}
              </p>
            ) : null}
            <select
              id="eenheid"
              name="eenheid"
              defaultValue={values.eenheid}
              aria-invalid={unitError ? true : undefined}
              aria-describedby={unitError ? fieldIds("eenheid").error : undefined}
              className={controlClassName("select", Boolean(unitError))}
            >
              {(["dagen", "weken", "maanden"] as const).map((unit) => (
                <option key={unit} value={unit}>
                  {t.deadlines.units[unit]}
                </option>
              ))}
            </select>
          </div>
        </div>
      </fieldset>
      <Button>{t.deadlines.submit}</Button>
    </Form>
  );
}

/** The outcome: the last day in large type, and every step of the calculation in the reader's language. */
export function TermOutcome({ t, locale, result, phone }: { t: T; locale: Locale; result: TermResult; phone: string }) {
  return (
    <section id="uitkomst" aria-labelledby="uitkomst-titel" className="mb-10 border-l-8 border-solid border-brand bg-white px-4 py-4">
      <h2 id="uitkomst-titel" className="mt-0">
        {t.deadlines.resultHeading}
      </h2>
      <p className="text-2xl font-bold" data-testid="term-end">
        {format(t.deadlines.resultEnd, { date: longDate(result.end, locale) })}
      </p>
      {result.moved ? <p>{format(t.deadlines.resultMoved, { date: longDate(result.nominalEnd, locale) })}</p> : null}
      {!result.atwApplies ? <p>{t.deadlines.resultNotMoved}</p> : null}
      <p>{t.deadlines.resultPost}</p>
      <h3>{t.deadlines.howHeading}</h3>
      <ol className="mb-4 list-decimal space-y-1 pl-6">
        {result.steps.map((s, i) => (
          <li key={i}>{s[locale]}</li>
        ))}
      </ol>
      <p className="mb-0">{format(t.deadlines.disclaimer, { phone })}</p>
    </section>
  );
}
