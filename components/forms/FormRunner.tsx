"use client";

import { zodResolver } from "@hookform/resolvers/zod";
import { startTransition, useActionState, useEffect, useRef, useState, useSyncExternalStore, type FormEvent } from "react";
import { useForm, type FieldErrors, type Resolver } from "react-hook-form";
import { Banner } from "@/components/ui/Banner";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { formRunStep, type FormRunResult } from "@/lib/catalogue/forms/actions";
import type { FormDefinition } from "@/lib/catalogue/forms/definition";
import { answerRows, parseNavigation, visibleSteps, type RunnerError } from "@/lib/catalogue/forms/runner";
import { toZodSchema } from "@/lib/catalogue/forms/to-zod";
import { controlId, fileDescriptorsName, isFieldVisible, readStepValues, type FormValues } from "@/lib/catalogue/forms/values";
import type { ActionState } from "@/lib/auth/action";
import type { Locale } from "@/lib/i18n";
import { FormFieldControl, type RunnerTexts } from "./FormFields";
import { StepProgress } from "./StepProgress";

/**
 * A form definition, step by step: step indicator, back and next without losing values, a
 * check-your-answers page with "Wijzig" per answer, an error summary linked to the fields and
 * inline errors. Every button posts the form to the formRunStep server action, which checks
 * the step with toZodSchema and answers with the next page, so it works without JavaScript.
 * With JavaScript react-hook-form checks the step in the browser first with the same schema
 * (zodResolver over toZodSchema: no round trip for errors, and a corrected field is checked
 * again when you leave it), fields that depend on a choice on the same page hide and show as
 * you choose, and chosen files are checked in the browser and only their name, size and type
 * are posted.
 * Where the state lives between posts is up to the server's state store (hidden inputs here).
 */

const noop = () => () => {};

export function FormRunner({
  t,
  locale,
  definition,
  source,
  definitionText,
  initial,
  preview = true,
}: {
  t: RunnerTexts;
  locale: Locale;
  definition: FormDefinition;
  /** "versie:<id>" for a saved version, "definitie" for the editor's unsaved text (sent along as definitionText). */
  source: string;
  definitionText?: string;
  initial: FormRunResult;
  preview?: boolean;
}) {
  const [result, dispatch, pending] = useActionState<ActionState<FormRunResult>, FormData>(formRunStep, { status: "ok", data: initial });
  const data = result.status === "ok" ? result.data : initial;
  const { state } = data;
  const [live, setLive] = useState<{ for: FormRunResult; values: FormValues } | null>(null);
  const scripted = useSyncExternalStore(noop, () => true, () => false);
  const formRef = useRef<HTMLFormElement>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const first = useRef(true);

  const steps = visibleSteps(definition, state.values);
  const page = state.page;
  const currentFields = typeof page === "number" ? (definition.steps[page]?.fields ?? []) : [];

  /** This page's values as the schema reads them, from react-hook-form's (files from the input itself). */
  function stepValuesFrom(raw: Record<string, unknown>): FormValues {
    const domForm = formRef.current;
    const text = (v: unknown) => (typeof v === "string" ? v : "");
    const out: FormValues = {};
    for (const field of currentFields) {
      const v = raw[field.id];
      switch (field.kind) {
        case "checkboxes":
          // One box in a group comes back as its value or false, several as a list.
          out[field.id] = Array.isArray(v) ? v.filter((x): x is string => typeof x === "string") : typeof v === "string" ? [v] : v === true ? [field.options[0]!.value] : [];
          break;
        case "postcodeHouseNumber": {
          const parts = (v && typeof v === "object" ? v : {}) as Record<string, unknown>;
          out[field.id] = { postcode: text(parts.postcode), houseNumber: text(parts.houseNumber), addition: text(parts.addition) };
          break;
        }
        case "file": {
          const fd = domForm ? new FormData(domForm) : null;
          out[field.id] = fd ? readStepValues([field], (name) => fd.getAll(name), state.values)[field.id] : state.values[field.id];
          break;
        }
        default:
          out[field.id] = text(v);
      }
    }
    return out;
  }

  const resolver: Resolver<Record<string, unknown>> = (raw, context, options) => {
    if (typeof page !== "number") return { values: raw, errors: {} };
    const schema = toZodSchema(definition, { step: page, locale });
    // Earlier answers count too: a field may depend on a choice made on an earlier page.
    return zodResolver(schema as never)({ ...state.values, ...stepValuesFrom(raw) }, context, options as never) as ReturnType<Resolver<Record<string, unknown>>>;
  };
  const rhf = useForm<Record<string, unknown>>({ resolver, mode: "onSubmit", reValidateMode: "onBlur", shouldUnregister: true, shouldFocusError: false });
  const clientErrors = toRunnerErrors(rhf.formState.errors);

  function toRunnerErrors(found: FieldErrors<Record<string, unknown>>): RunnerError[] {
    const out: RunnerError[] = [];
    for (const field of currentFields) {
      const error = found[field.id] as (Record<string, { message?: unknown } | undefined> & { message?: unknown }) | undefined;
      if (!error) continue;
      if (typeof error.message === "string" && error.message) out.push({ field: controlId(field.id), message: error.message });
      for (const part of ["postcode", "houseNumber", "addition"] as const) {
        const message = error[part]?.message;
        if (typeof message === "string" && message) out.push({ field: controlId(field.id, part), message });
      }
    }
    return out;
  }

  const errors = clientErrors.length ? clientErrors : state.errors;
  const values: FormValues = live?.for === data ? { ...state.values, ...live.values } : state.values;

  // After a post with JavaScript: focus the error summary, or the new page's heading.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    if (errors.length) document.getElementById("foutmeldingen")?.focus();
    else headingRef.current?.focus();
  }, [data, errors]);

  function currentStepValues(form: HTMLFormElement): FormValues {
    const fd = new FormData(form);
    return readStepValues(currentFields, (name) => fd.getAll(name), state.values);
  }

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    const fd = new FormData(form, submitter);
    // Only what the browser knows of chosen files is posted: a preview keeps no files.
    for (const field of currentFields) {
      if (field.kind !== "file") continue;
      const files = fd.getAll(field.id).filter((f): f is File => f instanceof File && f.name !== "");
      fd.delete(field.id);
      if (files.length) fd.set(fileDescriptorsName(field.id), JSON.stringify(files.map((f) => ({ name: f.name, size: f.size, type: f.type }))));
    }
    const post = () => {
      rhf.clearErrors();
      startTransition(() => dispatch(fd));
    };
    // Moving on checks this page first; back, "Wijzig" and sending the check page do not.
    if (parseNavigation(fd.get("__nav")).kind === "next" && typeof page === "number") {
      void rhf.handleSubmit(post, () => requestAnimationFrame(() => document.getElementById("foutmeldingen")?.focus()))();
      return;
    }
    post();
  }

  const errorByControl: Record<string, string | undefined> = {};
  for (const e of errors) errorByControl[e.field] ??= e.message;
  const summary = errors.map((e) => ({ field: e.field, message: e.message }));
  const formError = result.status === "error" ? result.formError : undefined;

  return (
    <form ref={formRef} action={dispatch} onSubmit={onSubmit} onChange={(e) => setLive({ for: data, values: currentStepValues(e.currentTarget) })} noValidate aria-label={definition.title[locale]} data-enhanced={scripted ? "true" : undefined}>
      {formError ? (
        <Banner kind="error" className="mb-6">
          <p>{formError}</p>
        </Banner>
      ) : null}
      <ErrorSummary t={t} errors={summary} />
      <input type="hidden" name="__bron" value={source} />
      {definitionText !== undefined ? <input type="hidden" name="__definitie" value={definitionText} /> : null}
      {Object.entries(data.hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}

      {page !== "sent" ? (
        <StepProgress texts={t.forms.runner} definition={definition} locale={locale} steps={steps} page={page} />
      ) : null}

      {typeof page === "number" ? (
        <div key={`step-${page}`}>
          <h2 ref={headingRef} tabIndex={-1} className="focus:outline-none">
            {definition.steps[page]!.title[locale]}
          </h2>
          {definition.steps[page]!.intro ? <p>{definition.steps[page]!.intro![locale]}</p> : null}
          {currentFields.map((field) => {
            const controllerHere = field.showWhen && currentFields.some((f) => f.id === field.showWhen!.field);
            const visible = isFieldVisible(definition, field, values);
            // A field that depends on a choice on this page is always rendered: without JavaScript it stays
            // visible (its hint says when it is needed), with JavaScript it hides and shows as the choice changes.
            if (!visible && !controllerHere) return null;
            return (
              <div key={field.id} hidden={scripted && !visible ? true : undefined}>
                <FormFieldControl t={t} locale={locale} definition={definition} field={field} value={state.values[field.id]} errors={errorByControl} preview={preview} register={scripted ? rhf.register : undefined} />
              </div>
            );
          })}
          <div className="flex flex-wrap gap-4">
            <Button name="__nav" value="next" disabled={pending}>
              {state.returnToCheck ? t.forms.runner.saveAndCheck : steps.at(-1) === page ? t.forms.runner.toCheck : t.forms.runner.next}
            </Button>
            {steps[0] !== page ? (
              <Button name="__nav" value="back" variant="secondary" disabled={pending}>
                {t.forms.runner.back}
              </Button>
            ) : null}
          </div>
        </div>
      ) : page === "check" ? (
        <div key="check">
          <h2 ref={headingRef} tabIndex={-1} className="focus:outline-none">
            {t.forms.runner.checkTitle}
          </h2>
          <p>{t.forms.runner.checkIntro}</p>
          {answerRows(definition, state.values, locale).map((group) => (
            <section key={group.step} aria-labelledby={`controle-${group.step}`} className="mb-8">
              <h3 id={`controle-${group.step}`}>{group.title}</h3>
              <dl className="grid grid-cols-1 gap-x-6 border-t-2 border-ink sm:grid-cols-[minmax(10rem,1fr)_2fr_auto]">
                {group.rows.map((row) => (
                  <div key={row.fieldId} className="contents">
                    <dt className="border-b border-muted py-2 font-bold">{row.label}</dt>
                    <dd className="border-b border-muted py-2 wrap-anywhere">
                      {row.answer.length ? row.answer.map((line, i) => <span key={i} className="block">{line}</span>) : <span className="text-muted">{t.forms.runner.notAnswered}</span>}
                    </dd>
                    <dd className="border-b border-muted py-2">
                      <button type="submit" name="__nav" value={`edit:${group.step}`} className="cursor-pointer border-0 bg-transparent p-0 text-lg text-brand underline" disabled={pending}>
                        {t.forms.runner.change}
                        <span className="sr-only"> {row.label}</span>
                      </button>
                    </dd>
                  </div>
                ))}
              </dl>
            </section>
          ))}
          <div className="flex flex-wrap gap-4">
            <Button name="__nav" value="submit" disabled={pending}>
              {t.forms.runner.submit}
            </Button>
            <Button name="__nav" value="back" variant="secondary" disabled={pending}>
              {t.forms.runner.back}
            </Button>
          </div>
        </div>
      ) : (
        <div key="sent">
          <Banner kind="success" title={t.forms.runner.sentTitle} className="mb-6">
            <p>{t.forms.runner.sentText}</p>
          </Banner>
          <h2 ref={headingRef} tabIndex={-1} className="sr-only">
            {t.forms.runner.sentTitle}
          </h2>
          <Button name="__nav" value="restart" variant="secondary" disabled={pending}>
            {t.forms.runner.startAgain}
          </Button>
        </div>
      )}
    </form>
  );
}
