"use client";

import { useActionState } from "react";
import { Choices } from "@/components/admin/Choices";
import { formKey } from "@/components/admin/form-key";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Field } from "@/components/ui/Field";
import { digidLevels, eherkenningLevels, levelLabel } from "@/lib/auth/levels";
import { activateProductAction, createProductAction, deactivateProductAction, updateProductAction } from "@/lib/catalogue/actions";
import { messageTypes, productTopics } from "@/lib/catalogue/message-types";
import { formView, idle } from "@/lib/forms/form-state";
import { format, type Messages } from "@/lib/i18n";

type T = Pick<Messages, "form" | "catalogue">;

const audiences = ["residents", "businesses", "both"] as const;
const receiptRoutes = ["portal-and-email", "portal", "email", "post"] as const;

/**
 * The product form, for a new product (with its web address) and for changing one. `initial`
 * holds the field values to start with; after a refusal the values sent are shown again.
 */
export function ProductForm({ t, mode, id, initial }: { t: T; mode: "create" | "edit"; id?: string; initial: Record<string, string> }) {
  const [state, action, pending] = useActionState(mode === "create" ? createProductAction : updateProductAction, idle);
  const view = formView(state, mode === "create" ? "slug" : "naam-nl");
  const values = state.status === "error" ? view.values : initial;
  const value = (name: string) => values[name] ?? "";
  const ticked = (name: string) => values[name] === "ja";
  const a = t.catalogue.admin;
  return (
    // A new key after each refusal mounts the form afresh, so selects and radios show the values
    // sent (React's reset after an action would put them back to their first default).
    <form key={formKey(state)} action={action} noValidate>
      <ErrorSummary t={t} errors={view.summary} />
      {id ? <input type="hidden" name="id" value={id} /> : null}
      {mode === "create" ? (
        <Field t={t} id="slug" label={a.slug} hint={a.slugHint} error={view.field.slug}>
          {(c) => <input {...c} type="text" autoComplete="off" spellCheck={false} defaultValue={value("slug")} />}
        </Field>
      ) : null}
      <Field t={t} id="naam-nl" label={a.nameNl} error={view.field["naam-nl"]}>
        {(c) => <input {...c} type="text" defaultValue={value("naam-nl")} />}
      </Field>
      <Field t={t} id="naam-en" label={a.nameEn} error={view.field["naam-en"]}>
        {(c) => <input {...c} type="text" lang="en" defaultValue={value("naam-en")} />}
      </Field>
      <Field t={t} id="upl-naam" label={a.uplName} optional error={view.field["upl-naam"]}>
        {(c) => <input {...c} type="text" defaultValue={value("upl-naam")} />}
      </Field>
      <Field t={t} id="samenvatting-nl" label={a.summaryNl} hint={a.summaryHint} error={view.field["samenvatting-nl"]}>
        {(c) => <input {...c} type="text" defaultValue={value("samenvatting-nl")} />}
      </Field>
      <Field t={t} id="samenvatting-en" label={a.summaryEn} error={view.field["samenvatting-en"]}>
        {(c) => <input {...c} type="text" lang="en" defaultValue={value("samenvatting-en")} />}
      </Field>
      <Field t={t} id="omschrijving-nl" label={a.descriptionNl} hint={a.descriptionHint} optional kind="textarea" error={view.field["omschrijving-nl"]}>
        {(c) => <textarea {...c} rows={5} defaultValue={value("omschrijving-nl")} />}
      </Field>
      <Field t={t} id="omschrijving-en" label={a.descriptionEn} optional kind="textarea" error={view.field["omschrijving-en"]}>
        {(c) => <textarea {...c} rows={5} lang="en" defaultValue={value("omschrijving-en")} />}
      </Field>
      <Field t={t} id="onderwerp" label={a.topic} kind="select" error={view.field.onderwerp}>
        {(c) => (
          <select {...c} defaultValue={value("onderwerp") || "overig"}>
            {productTopics.map((topic) => (
              <option key={topic} value={topic}>
                {t.catalogue.topics[topic]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field t={t} id="volgorde" label={a.sortOrder} hint={a.sortOrderHint} optional error={view.field.volgorde}>
        {(c) => <input {...c} type="text" inputMode="numeric" className={`${c.className} max-w-32`} defaultValue={value("volgorde")} />}
      </Field>
      <Field t={t} id="wettelijke-basis" label={a.legalBasis} hint={a.legalBasisHint} optional error={view.field["wettelijke-basis"]}>
        {(c) => <input {...c} type="text" defaultValue={value("wettelijke-basis")} />}
      </Field>

      <Choices t={t} id="doelgroep" name="doelgroep" legend={a.audience} error={view.field.doelgroep} options={audiences.map((v) => ({ value: v, label: t.catalogue.audiences[v] }))} checked={(v) => value("doelgroep") === v} />

      <fieldset className="mb-6">
        <legend className="mb-1 text-xl font-bold">{a.levelsLegend}</legend>
        <p className="mb-2 text-muted">{a.levelsHint}</p>
        <Field t={t} id="niveau-inwoners" label={a.residentLevel} kind="select" error={view.field["niveau-inwoners"]}>
          {(c) => (
            <select {...c} defaultValue={value("niveau-inwoners") || "geen"}>
              <option value="geen">{t.catalogue.noLogin}</option>
              {digidLevels.map((l) => (
                <option key={l} value={l}>
                  {levelLabel(l)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field t={t} id="niveau-bedrijven" label={a.businessLevel} kind="select" error={view.field["niveau-bedrijven"]}>
          {(c) => (
            <select {...c} defaultValue={value("niveau-bedrijven") || "geen"}>
              <option value="geen">{t.catalogue.noLogin}</option>
              {eherkenningLevels.map((l) => (
                <option key={l} value={l}>
                  {levelLabel(l)}
                </option>
              ))}
            </select>
          )}
        </Field>
      </fieldset>

      <fieldset className="mb-6">
        <legend className="mb-1 text-xl font-bold">{a.termLegend}</legend>
        <p className="mb-2 text-muted">{a.termHint}</p>
        <Field t={t} id="termijn-aantal" label={a.termAmount} optional error={view.field["termijn-aantal"]}>
          {(c) => <input {...c} type="text" inputMode="numeric" className={`${c.className} max-w-32`} defaultValue={value("termijn-aantal")} />}
        </Field>
        <Field t={t} id="termijn-eenheid" label={a.termUnit} kind="select" error={view.field["termijn-eenheid"]}>
          {(c) => (
            <select {...c} defaultValue={value("termijn-eenheid")}>
              <option value="">{a.chooseUnit}</option>
              {(["days", "weeks", "months"] as const).map((u) => (
                <option key={u} value={u}>
                  {t.catalogue.termUnits[u]}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Choices t={t} id="termijn-soort" name="termijn-soort" legend={a.termKind} error={view.field["termijn-soort"]} options={(["statutory", "default"] as const).map((v) => ({ value: v, label: t.catalogue.termKinds[v] }))} checked={(v) => value("termijn-soort") === v} />
        <div className="mb-2 flex items-start gap-3">
          <input type="checkbox" id="atw" name="atw" value="ja" defaultChecked={ticked("atw")} className="mt-1 h-6 w-6 shrink-0" />
          <label htmlFor="atw">{a.atw}</label>
        </div>
      </fieldset>

      <Field t={t} id="ontvangst" label={a.receiptRoute} kind="select" error={view.field.ontvangst}>
        {(c) => (
          <select {...c} defaultValue={value("ontvangst") || "portal-and-email"}>
            {receiptRoutes.map((r) => (
              <option key={r} value={r}>
                {t.catalogue.receiptRoutes[r]}
              </option>
            ))}
          </select>
        )}
      </Field>
      <div className="mb-6 flex items-start gap-3">
        <input type="checkbox" id="kopie" name="kopie" value="ja" defaultChecked={ticked("kopie")} className="mt-1 h-6 w-6 shrink-0" />
        <label htmlFor="kopie">{a.copyGiven}</label>
      </div>

      <fieldset id="berichttypen" tabIndex={-1} className={`mb-6 ${view.field.berichttypen ? "border-l-4 border-solid border-error pl-4" : ""}`} aria-describedby={`berichttypen-hint${view.field.berichttypen ? " berichttypen-error" : ""}`}>
        <legend className="mb-1 text-xl font-bold">{a.typesLegend}</legend>
        <p id="berichttypen-hint" className="mb-2 text-muted">
          {a.typesHint}
        </p>
        {view.field.berichttypen ? (
          <p id="berichttypen-error" className="mb-2 font-bold text-error">
            <span className="sr-only">{t.form.errorPrefix} </span>
            {view.field.berichttypen}
          </p>
        ) : null}
        <ul className="space-y-3">
          {messageTypes.map((type) => {
            const label = t.catalogue.messageTypes[type] ?? type;
            const error = view.field[`type-${type}`];
            return (
              <li key={type} className={error ? "border-l-4 border-solid border-error pl-4" : ""}>
                {error ? (
                  <p id={`type-${type}-error`} className="mb-1 font-bold text-error">
                    <span className="sr-only">{t.form.errorPrefix} </span>
                    {error}
                  </p>
                ) : null}
                <div className="flex flex-wrap gap-x-8 gap-y-1">
                  <div className="flex items-start gap-3">
                    <input type="checkbox" id={`type-${type}`} name={`type-${type}`} value="ja" defaultChecked={ticked(`type-${type}`)} aria-describedby={error ? `type-${type}-error` : undefined} className="mt-1 h-6 w-6 shrink-0" />
                    <label htmlFor={`type-${type}`} className="font-semibold">
                      {format(a.takesType, { type: label })}
                    </label>
                  </div>
                  <div className="flex items-start gap-3">
                    <input type="checkbox" id={`officieel-${type}`} name={`officieel-${type}`} value="ja" defaultChecked={ticked(`officieel-${type}`)} className="mt-1 h-6 w-6 shrink-0" />
                    <label htmlFor={`officieel-${type}`}>{format(a.officialType, { type: label })}</label>
                  </div>
                </div>
              </li>
            );
          })}
        </ul>
      </fieldset>

      <Button disabled={pending}>{mode === "create" ? a.create : a.save}</Button>
    </form>
  );
}

/** Deactivate or activate a product: one button; a refusal shows above it. */
export function ProductActiveForm({ t, id, active }: { t: T; id: string; active: boolean }) {
  const [state, action, pending] = useActionState(active ? deactivateProductAction : activateProductAction, idle);
  const view = formView(state, "knop-actief");
  return (
    <form action={action}>
      <ErrorSummary t={t} errors={view.summary} id="foutmeldingen-actief" />
      <input type="hidden" name="id" value={id} />
      <Button id="knop-actief" variant="secondary" disabled={pending}>
        {active ? t.catalogue.admin.deactivate : t.catalogue.admin.activate}
      </Button>
    </form>
  );
}
