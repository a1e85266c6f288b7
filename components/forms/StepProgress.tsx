import type { FormDefinition } from "@/lib/catalogue/forms/definition";
import type { RunnerPage } from "@/lib/catalogue/forms/runner";
import { format, type Locale, type Messages } from "@/lib/i18n";

/** Where a form run is: "Stap 2 van 4" and the shown steps with the check page, the current one marked. Used by the preview and by drafts. */
export function StepProgress({ texts, definition, locale, steps, page }: { texts: Messages["forms"]["runner"]; definition: FormDefinition; locale: Locale; steps: number[]; page: RunnerPage }) {
  const stepNumber = typeof page === "number" ? steps.indexOf(page) + 1 : steps.length + 1;
  return (
    <nav aria-label={texts.stepsLabel} className="mb-6">
      <p className="mb-2 font-bold">{format(texts.stepOf, { current: stepNumber, total: steps.length + 1 })}</p>
      <ol className="flex list-decimal flex-wrap gap-x-8 pl-6">
        {steps.map((s) => (
          <li key={s} aria-current={s === page ? "step" : undefined} className={s === page ? "font-bold" : "text-muted"}>
            {definition.steps[s]!.title[locale]}
          </li>
        ))}
        <li aria-current={page === "check" ? "step" : undefined} className={page === "check" ? "font-bold" : "text-muted"}>
          {texts.checkStep}
        </li>
      </ol>
    </nav>
  );
}
