import type { Messages } from "@/lib/i18n";

/** The id of the error summary on a page; a redirect to "#foutmeldingen" puts focus on it without JavaScript. */
export const ERROR_SUMMARY_ID = "foutmeldingen";

/** One problem in a form: the id of the control it is about, and what to do about it. */
export interface FormError {
  field: string;
  message: string;
}

/** The page title with "Fout:" in front when the form has errors, as GOV.UK does. */
export function titleWithErrors(title: string, errors: readonly FormError[] | undefined, t: Pick<Messages, "form">): string {
  return errors && errors.length > 0 ? `${t.form.errorPrefix} ${title}` : title;
}

/**
 * The summary at the top of a form that was sent back with errors. It is announced at once
 * (role="alert"), can take focus (tabIndex -1) and links each message to its field.
 * Renders nothing when there are no errors.
 */
export function ErrorSummary({ t, errors, id = ERROR_SUMMARY_ID, title }: { t: { form: Pick<Messages["form"], "errorSummaryTitle"> }; errors: readonly FormError[]; id?: string; title?: string }) {
  if (errors.length === 0) return null;
  const titleId = `${id}-titel`;
  return (
    <div id={id} role="alert" tabIndex={-1} aria-labelledby={titleId} className="mb-8 border-4 border-solid border-error bg-white px-4 py-4 focus:outline-none focus-visible:outline-3">
      <h2 id={titleId} className="mt-0 mb-3 text-2xl">
        {title ?? t.form.errorSummaryTitle}
      </h2>
      <ul className="space-y-1">
        {errors.map((e) => (
          <li key={`${e.field}:${e.message}`}>
            <a href={`#${e.field}`} className="font-bold text-error visited:text-error">
              {e.message}
            </a>
          </li>
        ))}
      </ul>
    </div>
  );
}
