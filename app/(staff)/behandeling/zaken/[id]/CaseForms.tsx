"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Field, fieldIds } from "@/components/ui/Field";
import { addCaseNoteAction, assignCaseAction, changeCaseStatusAction } from "@/lib/cases/actions";
import { formView, idle } from "@/lib/forms/form-state";
import type { Messages } from "@/lib/i18n";

type T = Pick<Messages, "form" | "caseHandling" | "cases">;

/** The fields every case form posts: which case, and its updated_at as this page showed it. */
function CaseIdentity({ caseId, updatedAt }: { caseId: string; updatedAt: string }) {
  return (
    <>
      <input type="hidden" name="zaak" value={caseId} />
      <input type="hidden" name="bijgewerkt" value={updatedAt} />
    </>
  );
}

function VisibleBox({ t, id, checked }: { t: T; id: string; checked: boolean }) {
  return (
    <div className="mb-6 flex items-start gap-3">
      <input type="checkbox" id={id} name="zichtbaar" value="ja" defaultChecked={checked} className="mt-1 h-6 w-6 shrink-0" />
      <label htmlFor={id} className="font-semibold">
        {t.caseHandling.visibleLabel}
      </label>
    </div>
  );
}

/** "Assign to me" in one press. */
export function AssignToMeForm({ t, caseId, updatedAt, me }: { t: T; caseId: string; updatedAt: string; me: string }) {
  const [state, action, pending] = useActionState(assignCaseAction, idle);
  const view = formView(state, "wijs-aan-mij");
  const summary = view.summary.map((e) => ({ ...e, field: "wijs-aan-mij" }));
  return (
    <form action={action} noValidate className="mb-6">
      <ErrorSummary t={t} errors={summary} id="foutmeldingen-mij" />
      <CaseIdentity caseId={caseId} updatedAt={updatedAt} />
      <input type="hidden" name="behandelaar" value={me} />
      <Button id="wijs-aan-mij" disabled={pending}>
        {t.caseHandling.assignToMe}
      </Button>
    </form>
  );
}

/** Assign to a handler from the list, or withdraw the assignment. */
export function AssignForm({ t, caseId, updatedAt, current, handlers }: { t: T; caseId: string; updatedAt: string; current: string | null; handlers: readonly { id: string; displayName: string }[] }) {
  const [state, action, pending] = useActionState(assignCaseAction, idle);
  const view = formView(state, "behandelaar");
  const h = t.caseHandling;
  return (
    <form action={action} noValidate>
      <ErrorSummary t={t} errors={view.summary} id="foutmeldingen-toewijzen" />
      <CaseIdentity caseId={caseId} updatedAt={updatedAt} />
      <Field t={t} id="behandelaar" label={h.assignLabel} hint={h.assignHint} error={view.field.behandelaar} kind="select">
        {(c) => (
          <select {...c} defaultValue={view.values.behandelaar ?? current ?? "niemand"}>
            <option value="niemand">{h.nobodyOption}</option>
            {handlers.map((s) => (
              <option key={s.id} value={s.id}>
                {s.displayName}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Button variant="secondary" disabled={pending}>
        {h.assignSubmit}
      </Button>
    </form>
  );
}

/** A new status (only the ones the rules allow from here), with an optional note the party may see. */
export function StatusForm({ t, caseId, updatedAt, options, noteHint }: { t: T; caseId: string; updatedAt: string; options: readonly string[]; noteHint: string }) {
  const [state, action, pending] = useActionState(changeCaseStatusAction, idle);
  const view = formView(state, "status");
  const h = t.caseHandling;
  const ids = fieldIds("status");
  const chosen = view.values.status;
  return (
    <form action={action} noValidate>
      <ErrorSummary t={t} errors={view.summary} id="foutmeldingen-status" />
      <CaseIdentity caseId={caseId} updatedAt={updatedAt} />
      <fieldset className={`mb-6 ${view.field.status ? "border-l-4 border-solid border-error pl-4" : ""}`} aria-describedby={`${ids.hint}${view.field.status ? ` ${ids.error}` : ""}`}>
        <legend className="mb-1 font-bold">{h.statusLegend}</legend>
        <p id={ids.hint} className="mb-2 max-w-[70ch] text-muted">
          {h.statusRules}
        </p>
        {view.field.status ? (
          <p id={ids.error} className="mb-2 font-bold text-error">
            <span className="sr-only">{t.form.errorPrefix} </span>
            {view.field.status}
          </p>
        ) : null}
        {options.map((status, i) => {
          const id = i === 0 ? "status" : `status-${status}`;
          return (
            <div key={status} className="mb-2 flex items-start gap-3">
              <input type="radio" id={id} name="status" value={status} defaultChecked={chosen === status} className="mt-1 h-6 w-6 shrink-0" />
              <label htmlFor={id} className="font-semibold">
                {t.cases.statuses[status] ?? status}
              </label>
            </div>
          );
        })}
      </fieldset>
      <Field t={t} id="toelichting" label={h.statusNoteLabel} hint={noteHint} error={view.field.toelichting} optional kind="textarea">
        {(c) => <textarea {...c} rows={4} defaultValue={view.values.toelichting ?? ""} />}
      </Field>
      <VisibleBox t={t} id="status-zichtbaar" checked={view.values.zichtbaar === "ja"} />
      <Button disabled={pending}>{h.statusSubmit}</Button>
    </form>
  );
}

/** A note in the timeline (required), for staff only unless ticked. */
export function NoteForm({ t, caseId, updatedAt, noteHint }: { t: T; caseId: string; updatedAt: string; noteHint: string }) {
  const [state, action, pending] = useActionState(addCaseNoteAction, idle);
  const view = formView(state, "notitie");
  const h = t.caseHandling;
  return (
    <form action={action} noValidate>
      <ErrorSummary t={t} errors={view.summary} id="foutmeldingen-notitie" />
      <CaseIdentity caseId={caseId} updatedAt={updatedAt} />
      <Field t={t} id="notitie" label={h.noteLabel} hint={noteHint} error={view.field.notitie} kind="textarea">
        {(c) => <textarea {...c} rows={4} defaultValue={view.values.notitie ?? ""} />}
      </Field>
      <VisibleBox t={t} id="notitie-zichtbaar" checked={view.values.zichtbaar === "ja"} />
      <Button variant="secondary" disabled={pending}>
        {h.noteSubmit}
      </Button>
    </form>
  );
}
