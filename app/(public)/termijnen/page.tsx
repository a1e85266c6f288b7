import type { Metadata } from "next";
import { TermCalculatorForm, TermOutcome, type CalculatorValues } from "@/components/deadlines/TermCalculator";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { titleWithErrors, type FormError } from "@/components/ui/ErrorSummary";
import { branding } from "@/lib/branding";
import { readCalculatorForm } from "@/lib/deadlines/input";
import { calculateTerm } from "@/lib/deadlines/queries";
import type { TermResult } from "@/lib/deadlines/terms";
import type { Messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

function first(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

/** What the visitor sent (or the defaults: 6 weeks), and whether they sent anything at all. */
function valuesOf(params: Record<string, string | string[] | undefined>): { submitted: boolean; values: CalculatorValues } {
  const datum = first(params.datum);
  return {
    submitted: datum !== undefined,
    values: { datum: datum ?? "", aantal: first(params.aantal) ?? "6", eenheid: first(params.eenheid) ?? "weken" },
  };
}

function errorsOf(t: Messages, values: CalculatorValues): FormError[] {
  const read = readCalculatorForm(values);
  return read.ok ? [] : read.errors.map((e) => ({ field: e.field, message: t.deadlines.errors[e.code] }));
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { t } = await getMessages();
  const { submitted, values } = valuesOf(await searchParams);
  return { title: titleWithErrors(t.deadlines.title, submitted ? errorsOf(t, values) : [], t) };
}

/** "Tot wanneer kan ik bezwaar maken?": the term calculator for residents (R19, R20). */
export default async function TermCalculatorPage({ searchParams }: { searchParams: SearchParams }) {
  const { locale, t } = await getMessages();
  const { submitted, values } = valuesOf(await searchParams);
  let errors: FormError[] = [];
  let result: TermResult | null = null;
  if (submitted) {
    const read = readCalculatorForm(values);
    if (read.ok) result = await calculateTerm(read.term);
    else errors = errorsOf(t, values);
  }
  return (
    <>
      <Breadcrumbs t={t} items={[{ label: t.frame.navHome, href: "/" }, { label: t.deadlines.title }]} />
      <h1>{t.deadlines.title}</h1>
      <p className="max-w-[70ch] text-xl">{t.deadlines.intro}</p>
      {result ? <TermOutcome t={t} locale={locale} result={result} phone={branding().phone} /> : null}
      <TermCalculatorForm t={t} values={values} errors={errors} />
      <section aria-labelledby="welke-dagen" className="mt-10">
        <h2 id="welke-dagen">{t.deadlines.lawHeading}</h2>
        <p className="max-w-[70ch]">{t.deadlines.lawText}</p>
      </section>
    </>
  );
}
