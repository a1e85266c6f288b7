import { FormFieldControl } from "@/components/forms/FormFields";
import { StepProgress } from "@/components/forms/StepProgress";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import type { FormDefinition } from "@/lib/catalogue/forms/definition";
import { answerRows, visibleSteps, type RunnerState } from "@/lib/catalogue/forms/runner";
import { controlId, formatFileSize, isFieldVisible } from "@/lib/catalogue/forms/values";
import { format, type Locale, type Messages } from "@/lib/i18n";
import { typeList } from "@/lib/submissions/file-refusals";
import { fileTypes, type FileTypeId } from "@/lib/submissions/attachments/content-type";
import { DraftFileField, type DraftFile } from "./DraftFileField";

/**
 * The current page of a draft as a plain form posting to the draft's route handler (method post,
 * multipart when the page has a file field), so it works the same with and without JavaScript:
 * the step's fields (the form runner's controls), back / next / "Opslaan en later verder", and
 * on the check page every answer with "Wijzig", the files with their sizes, and "Versturen".
 * The draft on the server holds the state; the form posts only the page it shows.
 */

export type DraftFormTexts = Pick<Messages, "form" | "forms" | "submissionFlow">;

export function DraftForm({
  t,
  locale,
  draftId,
  definition,
  state,
  files,
  limits,
}: {
  t: DraftFormTexts;
  locale: Locale;
  draftId: string;
  definition: FormDefinition;
  state: RunnerState;
  /** The draft's files per file field. */
  files: Record<string, DraftFile[]>;
  limits: Record<string, { maxBytes: number; maxCount: number; allowedTypes: FileTypeId[] }>;
}) {
  const f = t.submissionFlow;
  const page = state.page === "sent" ? "check" : state.page;
  const steps = visibleSteps(definition, state.values);
  const fields = typeof page === "number" ? (definition.steps[page]?.fields ?? []) : [];
  const hasFiles = fields.some((field) => field.kind === "file");
  const errorByControl: Record<string, string | undefined> = {};
  for (const e of state.errors) errorByControl[e.field] ??= e.message;
  const saveLater = (
    <Button name="actie" value="save" variant="secondary">
      {f.draft.saveLater}
    </Button>
  );

  return (
    <>
      <ErrorSummary t={t} errors={state.errors} />
      <form method="post" action={`/mijn/aanvragen/${draftId}`} encType={hasFiles ? "multipart/form-data" : undefined} noValidate aria-label={definition.title[locale]}>
        <input type="hidden" name="pagina" value={String(page)} />
        {typeof page === "number" ? (
          // Enter in a text field presses the first button of the form: that must be "next", not a file's "remove".
          <button type="submit" name="actie" value="next" tabIndex={-1} aria-hidden="true" className="sr-only">
            {t.forms.runner.next}
          </button>
        ) : null}
        <StepProgress texts={t.forms.runner} definition={definition} locale={locale} steps={steps} page={page} />

        {typeof page === "number" ? (
          <div>
            <h2>{definition.steps[page]!.title[locale]}</h2>
            {definition.steps[page]!.intro ? <p>{definition.steps[page]!.intro![locale]}</p> : null}
            {fields.map((field) => {
              const controllerHere = field.showWhen && fields.some((other) => other.id === field.showWhen!.field);
              // Without JavaScript a field that depends on a choice on this page stays visible; its hint says when it is needed.
              if (!isFieldVisible(definition, field, state.values) && !controllerHere) return null;
              if (field.kind === "file") {
                const limit = limits[field.id];
                const limitText = limit ? format(f.files.limits, { count: limit.maxCount, max: formatFileSize(limit.maxBytes, locale), types: typeList(limit.allowedTypes) }) : "";
                const hint = [field.hint?.[locale], limitText, f.files.addHint].filter(Boolean).join(" ");
                return (
                  <DraftFileField
                    key={field.id}
                    t={{ form: t.form, files: f.files, request: f.refusals.request }}
                    locale={locale}
                    draftId={draftId}
                    fieldId={field.id}
                    controlId={controlId(field.id)}
                    label={field.label[locale]}
                    hint={hint}
                    error={errorByControl[controlId(field.id)]}
                    optional={Boolean(field.optional)}
                    multiple={(limit?.maxCount ?? field.maxCount) > 1}
                    accept={(limit ? limit.allowedTypes.flatMap((type) => fileTypes[type].extensions) : field.allowedTypes).map((x) => `.${x}`).join(",")}
                    files={files[field.id] ?? []}
                  />
                );
              }
              return <FormFieldControl key={field.id} t={t} locale={locale} definition={definition} field={field} value={state.values[field.id]} errors={errorByControl} preview={false} />;
            })}
            <div className="flex flex-wrap gap-4">
              <Button name="actie" value="next">
                {state.returnToCheck ? t.forms.runner.saveAndCheck : steps.at(-1) === page ? t.forms.runner.toCheck : t.forms.runner.next}
              </Button>
              {steps[0] !== page ? (
                <Button name="actie" value="back" variant="secondary">
                  {t.forms.runner.back}
                </Button>
              ) : null}
              {saveLater}
            </div>
          </div>
        ) : (
          <div>
            <h2>{t.forms.runner.checkTitle}</h2>
            <p>{t.forms.runner.checkIntro}</p>
            {answerRows(definition, state.values, locale).map((group) => (
              <section key={group.step} aria-labelledby={`controle-${group.step}`} className="mb-8">
                <h3 id={`controle-${group.step}`}>{group.title}</h3>
                <dl className="grid grid-cols-1 gap-x-6 border-t-2 border-ink sm:grid-cols-[minmax(10rem,1fr)_2fr_auto]">
                  {group.rows.map((row) => {
                    const rowFiles = files[row.fieldId];
                    const answer = rowFiles ? rowFiles.map((file) => `${file.name} (${formatFileSize(file.size, locale)})`) : row.answer;
                    return (
                      <div key={row.fieldId} className="contents">
                        <dt className="border-b border-muted py-2 font-bold">{row.label}</dt>
                        <dd className="border-b border-muted py-2 wrap-anywhere">
                          {answer.length ? answer.map((line, i) => <span key={i} className="block">{line}</span>) : <span className="text-muted">{rowFiles ? f.draft.noAttachments : t.forms.runner.notAnswered}</span>}
                        </dd>
                        <dd className="border-b border-muted py-2">
                          <button type="submit" name="actie" value={`edit:${group.step}`} className="cursor-pointer border-0 bg-transparent p-0 text-lg text-brand underline">
                            {t.forms.runner.change}
                            <span className="sr-only"> {row.label}</span>
                          </button>
                        </dd>
                      </div>
                    );
                  })}
                </dl>
              </section>
            ))}
            <p>{f.draft.sendNote}</p>
            <div className="flex flex-wrap gap-4">
              <Button name="actie" value="submit">
                {f.draft.send}
              </Button>
              <Button name="actie" value="back" variant="secondary">
                {t.forms.runner.back}
              </Button>
              {saveLater}
            </div>
          </div>
        )}
      </form>
    </>
  );
}
