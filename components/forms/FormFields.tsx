import type { ReactNode } from "react";
import type { UseFormRegister } from "react-hook-form";
import { controlClassName, Field, fieldIds } from "@/components/ui/Field";
import type { FieldDefinition, FileField, FormDefinition } from "@/lib/catalogue/forms/definition";
import { controlId, fileDescriptorsName, formatFileSize, inputName, type AddressValue, type FileDescriptor, type FieldValue } from "@/lib/catalogue/forms/values";
import { format, type Locale, type Messages } from "@/lib/i18n";

/**
 * One field of a form definition as HTML: label, hint, inline error, the control(s), and
 * fieldset + legend for groups (radios, checkboxes, postcode and house number). Works without
 * JavaScript; values come back through defaultValue / defaultChecked. With JavaScript the runner
 * passes react-hook-form's `register`, so the browser checks each step with the same zod schema
 * as the server (file inputs stay outside it: what a preview knows of files is read from the input).
 */

/** react-hook-form's register for the form's values, or nothing (server rendering, no JavaScript). */
export type RegisterField = UseFormRegister<Record<string, unknown>>;

export type RunnerTexts = Pick<Messages, "form" | "forms">;

const groupClass = (error: boolean) => `mb-6 ${error ? "border-l-4 border-solid border-error pl-4" : ""}`;

function InlineError({ t, id, message }: { t: RunnerTexts; id: string; message?: string }) {
  if (!message) return null;
  return (
    <p id={id} className="mb-2 font-bold text-error">
      <span className="sr-only">{t.form.errorPrefix} </span>
      {message}
    </p>
  );
}

function Legend({ t, children, optional }: { t: RunnerTexts; children: ReactNode; optional?: boolean }) {
  return (
    <legend className="mb-1 font-bold">
      {children}
      {optional ? <span className="font-normal"> {t.form.optional}</span> : null}
    </legend>
  );
}

/** The hint of a field: its own hint, a standard one for its kind, and when it depends on another field, on which. */
function hintFor(t: RunnerTexts, field: FieldDefinition, locale: Locale, definition: FormDefinition): ReactNode {
  const parts: string[] = [];
  if (field.hint) parts.push(field.hint[locale]);
  if (field.kind === "date") parts.push(t.forms.runner.dateHint);
  if (field.kind === "file") parts.push(format(t.forms.runner.fileLimits, { count: field.maxCount, max: field.maxSizeMb, types: field.allowedTypes.join(", ") }));
  if (field.showWhen) {
    const controller = definition.steps.flatMap((s) => s.fields).find((f) => f.id === field.showWhen!.field);
    const option = controller && "options" in controller ? controller.options.find((o) => o.value === field.showWhen!.equals) : undefined;
    if (controller) parts.push(format(t.forms.runner.shownWhen, { label: controller.label[locale], value: option ? option.label[locale] : field.showWhen.equals }));
  }
  if (parts.length === 0) return undefined;
  return parts.length === 1 ? parts[0] : parts.map((p) => <p key={p} className="mb-1">{p}</p>);
}

const textInputs: Partial<Record<FieldDefinition["kind"], { type: string; inputMode?: "text" | "numeric" | "decimal" | "email" | "tel"; autoComplete?: string; spellCheck?: boolean; className?: string }>> = {
  text: { type: "text" },
  email: { type: "email", inputMode: "email", autoComplete: "email", spellCheck: false },
  phone: { type: "tel", inputMode: "tel", autoComplete: "tel" },
  number: { type: "text", inputMode: "decimal", className: "max-w-48" },
  date: { type: "text", inputMode: "numeric", className: "max-w-48" },
  iban: { type: "text", spellCheck: false, className: "max-w-md" },
  bsn: { type: "text", inputMode: "numeric", spellCheck: false, autoComplete: "off", className: "max-w-48" },
  kvk: { type: "text", inputMode: "numeric", spellCheck: false, className: "max-w-48" },
};

export function FormFieldControl({
  t,
  locale,
  definition,
  field,
  value,
  errors,
  preview,
  register,
}: {
  t: RunnerTexts;
  locale: Locale;
  definition: FormDefinition;
  field: FieldDefinition;
  value: FieldValue | undefined;
  /** Errors by control id. */
  errors: Record<string, string | undefined>;
  preview: boolean;
  register?: RegisterField;
}) {
  const registered = (name: string) => (register ? register(name) : {});
  const id = controlId(field.id);
  const label = field.label[locale];
  const hint = hintFor(t, field, locale, definition);
  const optional = Boolean(field.optional);
  const text = typeof value === "string" ? value : "";

  switch (field.kind) {
    case "longText":
      return (
        <Field t={t} id={id} name={field.id} label={label} hint={hint} error={errors[id]} optional={optional} kind="textarea">
          {(c) => <textarea {...c} {...registered(field.id)} rows={6} defaultValue={text} />}
        </Field>
      );
    case "choice":
      if (field.display === "select") {
        return (
          <Field t={t} id={id} name={field.id} label={label} hint={hint} error={errors[id]} optional={optional} kind="select">
            {(c) => (
              <select {...c} {...registered(field.id)} defaultValue={text}>
                <option value="">{t.forms.runner.chooseSelect}</option>
                {field.options.map((o) => (
                  <option key={o.value} value={o.value}>
                    {o.label[locale]}
                  </option>
                ))}
              </select>
            )}
          </Field>
        );
      }
    // falls through: radios and checkboxes are groups
    case "checkboxes": {
      const ids = fieldIds(id);
      const error = errors[id];
      const chosen = Array.isArray(value) ? (value as string[]) : text ? [text] : [];
      const type = field.kind === "checkboxes" ? "checkbox" : "radio";
      return (
        <fieldset className={groupClass(Boolean(error))} aria-describedby={[hint ? ids.hint : null, error ? ids.error : null].filter(Boolean).join(" ") || undefined}>
          <Legend t={t} optional={optional}>
            {label}
          </Legend>
          {hint ? (
            <div id={ids.hint} className="mb-2 max-w-[70ch] text-muted">
              {hint}
            </div>
          ) : null}
          <InlineError t={t} id={ids.error} message={error} />
          {field.options.map((o, i) => {
            const optionId = i === 0 ? id : `${id}-${o.value}`;
            return (
              <div key={o.value} className="mb-2 flex items-start gap-3">
                <input type={type} id={optionId} name={field.id} {...registered(field.id)} value={o.value} defaultChecked={chosen.includes(o.value)} className="mt-1 h-6 w-6 shrink-0" />
                <label htmlFor={optionId}>{o.label[locale]}</label>
              </div>
            );
          })}
        </fieldset>
      );
    }
    case "postcodeHouseNumber": {
      const ids = fieldIds(id);
      const address = (value as AddressValue | undefined) ?? { postcode: "", houseNumber: "", addition: "" };
      const parts = [
        { part: "postcode" as const, label: t.forms.runner.postcode, autoComplete: "postal-code", width: "max-w-36", value: address.postcode },
        { part: "houseNumber" as const, label: t.forms.runner.houseNumber, autoComplete: "off", width: "max-w-28", value: address.houseNumber },
        { part: "addition" as const, label: t.forms.runner.addition, autoComplete: "off", width: "max-w-28", value: address.addition },
      ];
      const anyError = parts.some((p) => errors[controlId(field.id, p.part)]);
      return (
        <fieldset className={groupClass(anyError)} aria-describedby={hint ? ids.hint : undefined}>
          <Legend t={t} optional={optional}>
            {label}
          </Legend>
          {hint ? (
            <div id={ids.hint} className="mb-2 max-w-[70ch] text-muted">
              {hint}
            </div>
          ) : null}
          <div className="flex flex-wrap gap-x-6">
            {parts.map((p) => {
              const partId = controlId(field.id, p.part);
              const error = errors[partId];
              return (
                <div key={p.part} className="mb-2">
                  <label htmlFor={partId} className="mb-1 block">
                    {p.label}
                    {p.part === "addition" ? <span> {t.form.optional}</span> : null}
                  </label>
                  <InlineError t={t} id={`${partId}-error`} message={error} />
                  <input
                    id={partId}
                    name={inputName(field.id, p.part)}
                    {...registered(inputName(field.id, p.part))}
                    type="text"
                    autoComplete={p.autoComplete}
                    defaultValue={p.value}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${partId}-error` : undefined}
                    className={`${controlClassName("input", Boolean(error))} ${p.width}`}
                  />
                </div>
              );
            })}
          </div>
        </fieldset>
      );
    }
    case "file":
      return <FileControl t={t} locale={locale} field={field} id={id} label={label} hint={hint} error={errors[id]} files={Array.isArray(value) ? (value as FileDescriptor[]) : []} preview={preview} />;
    default: {
      const input = textInputs[field.kind] ?? { type: "text" };
      return (
        <Field t={t} id={id} name={field.id} label={label} hint={hint} error={errors[id]} optional={optional}>
          {(c) => (
            <input
              {...c}
              {...registered(field.id)}
              className={`${c.className} ${input.className ?? ""}`}
              type={input.type}
              inputMode={input.inputMode}
              autoComplete={field.prefill === "name" ? "name" : (input.autoComplete ?? "off")}
              spellCheck={input.spellCheck}
              defaultValue={text}
            />
          )}
        </Field>
      );
    }
  }
}

function FileControl({ t, locale, field, id, label, hint, error, files, preview }: { t: RunnerTexts; locale: Locale; field: FileField; id: string; label: string; hint: ReactNode; error?: string; files: FileDescriptor[]; preview: boolean }) {
  return (
    <Field t={t} id={id} name={field.id} label={label} hint={hint} error={error} optional={Boolean(field.optional)}>
      {(c) => (
        <>
          <input {...c} className="block min-h-11 max-w-xl text-lg" type="file" multiple={field.maxCount > 1} accept={field.allowedTypes.map((x) => `.${x}`).join(",")} />
          {/* Files chosen on an earlier post: kept as what the browser told (nothing is stored in a preview). */}
          {files.length ? (
            <div className="mt-2">
              <p className="mb-1">{t.forms.runner.filesChosen}</p>
              <ul className="list-disc pl-6">
                {files.map((f) => (
                  <li key={`${f.name}:${f.size}`}>
                    {f.name} ({formatFileSize(f.size, locale)})
                  </li>
                ))}
              </ul>
              <input type="hidden" name={fileDescriptorsName(field.id)} value={JSON.stringify(files)} />
            </div>
          ) : null}
          {preview ? <p className="mt-2 mb-0 text-muted">{t.forms.runner.filePreviewNote}</p> : null}
        </>
      )}
    </Field>
  );
}
