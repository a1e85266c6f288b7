"use client";

import { useActionState, useDeferredValue, useMemo, useState } from "react";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Field } from "@/components/ui/Field";
import { importFormDefinition, publishFormVersion, saveFormDefinition, type FormRunResult } from "@/lib/catalogue/forms/actions";
import { validateDefinitionText, type FormDefinition } from "@/lib/catalogue/forms/definition";
import { initialState } from "@/lib/catalogue/forms/runner";
import { hiddenStateFields } from "@/lib/catalogue/forms/state-store";
import { formView, idle } from "@/lib/forms/form-state";
import { format, type Locale } from "@/lib/i18n";
import { FormRunner } from "./FormRunner";
import type { RunnerTexts } from "./FormFields";

/**
 * The form editor: the definition as JSON in a textarea, checked as you type (with JavaScript)
 * or when you press a button (without), every problem listed with its path; beside it a
 * preview of the form as residents will see it.
 */

function Problems({ t, problems }: { t: RunnerTexts; problems: string[] }) {
  return (
    <div id="problemen" aria-live="polite" className="mb-6">
      {problems.length ? (
        <>
          <p className="mb-1 font-bold text-error">{format(t.forms.editor.problemsTitle, { count: problems.length })}</p>
          <ul className="list-disc pl-6 font-mono text-base">
            {problems.map((p) => (
              <li key={p}>{p}</li>
            ))}
          </ul>
        </>
      ) : (
        <p className="font-bold text-success">{t.forms.editor.problemsNone}</p>
      )}
    </div>
  );
}

function hashOf(text: string): string {
  let h = 0;
  for (let i = 0; i < text.length; i++) h = (h * 31 + text.charCodeAt(i)) | 0;
  return String(h);
}

export function FormEditor({
  t,
  locale,
  productId,
  initialText,
  initialPreview,
}: {
  t: RunnerTexts;
  locale: Locale;
  productId: string;
  initialText: string;
  /** The preview shown before any typing: a saved version (by id) or the text itself. */
  initialPreview: { definition: FormDefinition; source: string; run: FormRunResult } | null;
}) {
  const [state, action, pending] = useActionState(saveFormDefinition, idle);
  const view = formView(state, "definitie");
  const [typed, setTyped] = useState<string | null>(null);
  // The server's answer is shown until the admin types again (then the live check takes over).
  const [editedSinceSubmit, setEditedSinceSubmit] = useState(false);
  const text = typed ?? (state.status === "error" ? (view.values.definitie ?? initialText) : state.status === "ok" ? state.data.text : initialText);
  const deferred = useDeferredValue(text);
  const live = useMemo(() => (typed === null ? null : validateDefinitionText(deferred)), [typed, deferred]);

  // The problems: as you type (JavaScript), or those the server found in what was posted.
  // As you type (JavaScript) the list under the text box; after a post the error summary lists every problem.
  const problems = live && !live.ok ? live.problems.map((p) => `${p.path}: ${p.message}`) : [];
  const summary = editedSinceSubmit ? [] : view.summary;

  let preview: { definition: FormDefinition; source: string; text?: string; run: FormRunResult; key: string } | null = null;
  if (live) {
    if (live.ok) {
      const first = initialState(live.definition);
      preview = { definition: live.definition, source: "definitie", text: deferred, run: { state: first, hidden: hiddenStateFields(first) }, key: hashOf(deferred) };
    }
  } else if (state.status === "ok" && state.data.preview) {
    const first = initialState(state.data.preview);
    preview = { definition: state.data.preview, source: "definitie", text: state.data.text, run: { state: first, hidden: hiddenStateFields(first) }, key: hashOf(state.data.text) };
  } else if (state.status === "idle" && initialPreview) {
    preview = { ...initialPreview, key: "initial" };
  }

  return (
    <div className="grid gap-8 lg:grid-cols-2">
      <form action={action} onSubmit={() => setEditedSinceSubmit(false)} noValidate className="min-w-0">
        <ErrorSummary t={t} errors={summary} id="foutmeldingen-definitie" />
        <input type="hidden" name="productId" value={productId} />
        <Field t={t} id="definitie" label={t.forms.editor.definitionLabel} hint={t.forms.editor.definitionHint} error={view.field.definitie ? t.forms.editor.errors.invalid : undefined} kind="textarea">
          {(c) => <textarea {...c} className={`${c.className} max-w-none font-mono text-base`} rows={30} spellCheck={false} value={text} onChange={(e) => {
                setTyped(e.target.value);
                setEditedSinceSubmit(true);
              }} aria-describedby={live ? `${c["aria-describedby"] ?? ""} problemen`.trim() : c["aria-describedby"]} />}
        </Field>
        {live ? <Problems t={t} problems={problems} /> : null}
        <div className="flex flex-wrap gap-4">
          <Button name="intentie" value="opslaan" disabled={pending}>
            {t.forms.editor.saveDraft}
          </Button>
          <Button name="intentie" value="voorbeeld" variant="secondary" disabled={pending}>
            {t.forms.editor.previewButton}
          </Button>
        </div>
      </form>
      <section aria-labelledby="voorbeeld-titel" className="min-w-0 border-l-4 border-brand pl-4">
        <h2 id="voorbeeld-titel">{t.forms.editor.livePreviewTitle}</h2>
        {preview ? (
          <FormRunner key={preview.key} t={t} locale={locale} definition={preview.definition} source={preview.source} definitionText={preview.text} initial={preview.run} />
        ) : (
          <p>{t.forms.editor.livePreviewInvalid}</p>
        )}
      </section>
    </div>
  );
}

/** Publishes the draft. */
export function PublishForm({ t, productId, versionId, version }: { t: RunnerTexts; productId: string; versionId: string; version: number }) {
  const [state, action, pending] = useActionState(publishFormVersion, idle);
  const view = formView(state, "publiceren");
  return (
    <form action={action}>
      <ErrorSummary t={t} errors={view.summary} id="foutmeldingen-publiceren" />
      <input type="hidden" name="productId" value={productId} />
      <input type="hidden" name="versionId" value={versionId} />
      <Button id="publiceren" disabled={pending}>
        {format(t.forms.editor.publish, { version })}
      </Button>
    </form>
  );
}

/** Imports a JSON file as the draft. */
export function ImportForm({ t, productId }: { t: RunnerTexts; productId: string }) {
  const [state, action, pending] = useActionState(importFormDefinition, idle);
  const view = formView(state, "bestand");
  return (
    <form action={action} noValidate>
      <ErrorSummary t={t} errors={view.summary} id="foutmeldingen-importeren" />
      <input type="hidden" name="productId" value={productId} />
      <Field t={t} id="bestand" label={t.forms.editor.importLabel} error={view.field.bestand}>
        {(c) => <input {...c} className="block min-h-11 text-lg" type="file" accept=".json,application/json" />}
      </Field>
      <Button variant="secondary" disabled={pending}>
        {t.forms.editor.importSubmit}
      </Button>
    </form>
  );
}
