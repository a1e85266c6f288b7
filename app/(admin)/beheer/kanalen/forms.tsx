"use client";

import { useActionState } from "react";
import { Choices } from "@/components/admin/Choices";
import { formKey } from "@/components/admin/form-key";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Field } from "@/components/ui/Field";
import { digidLevels, eherkenningLevels, levelLabel } from "@/lib/auth/levels";
import { createChannelAction, createDesignationAction, endDesignationAction, updateChannelAction } from "@/lib/channels/actions";
import { formView, idle } from "@/lib/forms/form-state";
import type { Messages } from "@/lib/i18n";

type T = Pick<Messages, "form" | "catalogue" | "channels">;
const channelKinds = ["portal-form", "inbox-reply", "email", "post", "counter"] as const;

/** A channel's details: new, or changing one. */
export function ChannelForm({ t, id, initial }: { t: T; id?: string; initial: Record<string, string> }) {
  const [state, action, pending] = useActionState(id ? updateChannelAction : createChannelAction, idle);
  const view = formView(state, "code");
  const values = state.status === "error" ? view.values : initial;
  const value = (name: string) => values[name] ?? "";
  const a = t.channels.admin;
  return (
    <form key={formKey(state)} action={action} noValidate>
      <ErrorSummary t={t} errors={view.summary} />
      {id ? <input type="hidden" name="id" value={id} /> : null}
      <Field t={t} id="code" label={a.code} hint={a.codeHint} error={view.field.code}>
        {(c) => <input {...c} type="text" autoComplete="off" spellCheck={false} defaultValue={value("code")} />}
      </Field>
      <Choices t={t} id="soort" name="soort" legend={a.kind} error={view.field.soort} options={channelKinds.map((k) => ({ value: k, label: t.channels.kinds[k] }))} checked={(k) => value("soort") === k} />
      <Field t={t} id="naam-nl" label={a.nameNl} error={view.field["naam-nl"]}>
        {(c) => <input {...c} type="text" defaultValue={value("naam-nl")} />}
      </Field>
      <Field t={t} id="naam-en" label={a.nameEn} error={view.field["naam-en"]}>
        {(c) => <input {...c} type="text" lang="en" defaultValue={value("naam-en")} />}
      </Field>
      <Field t={t} id="adres" label={a.address} hint={a.addressHint} error={view.field.adres}>
        {(c) => <input {...c} type="text" defaultValue={value("adres")} />}
      </Field>
      <Field t={t} id="toelichting-nl" label={a.detailsNl} optional kind="textarea" error={view.field["toelichting-nl"]}>
        {(c) => <textarea {...c} rows={3} defaultValue={value("toelichting-nl")} />}
      </Field>
      <Field t={t} id="toelichting-en" label={a.detailsEn} optional kind="textarea" error={view.field["toelichting-en"]}>
        {(c) => <textarea {...c} rows={3} lang="en" defaultValue={value("toelichting-en")} />}
      </Field>
      <Button disabled={pending}>{id ? a.saveChannel : a.createChannel}</Button>
    </form>
  );
}

/** Designates a channel for one of the product's message types. Refusals (overlap, ends before start) keep every value. */
export function DesignationForm({
  t,
  productId,
  messageTypes,
  channels,
  defaults,
}: {
  t: T;
  productId: string;
  messageTypes: readonly string[];
  channels: readonly { id: string; name: string; kind: string }[];
  defaults: Record<string, string>;
}) {
  const [state, action, pending] = useActionState(createDesignationAction, idle);
  const view = formView(state, "berichttype");
  const values = state.status === "error" ? view.values : defaults;
  const value = (name: string) => values[name] ?? "";
  const a = t.channels.admin;
  return (
    // A new key after each refusal: the selects show the values sent (see form-key.ts).
    <form key={formKey(state)} action={action} noValidate>
      <ErrorSummary t={t} errors={view.summary} id="foutmeldingen-aanwijzing" />
      <input type="hidden" name="product" value={productId} />
      <Field t={t} id="berichttype" label={a.messageType} kind="select" error={view.field.berichttype}>
        {(c) => (
          <select {...c} defaultValue={value("berichttype")}>
            <option value="">{a.choose}</option>
            {messageTypes.map((m) => (
              <option key={m} value={m}>
                {t.catalogue.messageTypes[m] ?? m}
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field t={t} id="kanaal" label={a.channel} kind="select" error={view.field.kanaal}>
        {(c) => (
          <select {...c} defaultValue={value("kanaal")}>
            <option value="">{a.choose}</option>
            {channels.map((ch) => (
              <option key={ch.id} value={ch.id}>
                {ch.name} ({t.channels.kinds[ch.kind] ?? ch.kind})
              </option>
            ))}
          </select>
        )}
      </Field>
      <Field t={t} id="geldig-vanaf" label={a.validFrom} hint={a.dateHint} error={view.field["geldig-vanaf"]}>
        {(c) => <input {...c} type="date" className={`${c.className} max-w-60`} defaultValue={value("geldig-vanaf")} />}
      </Field>
      <Field t={t} id="geldig-tot" label={a.validTo} hint={a.validToHint} optional error={view.field["geldig-tot"]}>
        {(c) => <input {...c} type="date" className={`${c.className} max-w-60`} defaultValue={value("geldig-tot")} />}
      </Field>
      <fieldset className="mb-6">
        <legend className="mb-2 text-xl font-bold">{a.decisionLegend}</legend>
        <Field t={t} id="besluit-titel" label={a.decisionTitle} error={view.field["besluit-titel"]}>
          {(c) => <input {...c} type="text" defaultValue={value("besluit-titel")} />}
        </Field>
        <Field t={t} id="besluit-datum" label={a.decisionDate} hint={a.dateHint} error={view.field["besluit-datum"]}>
          {(c) => <input {...c} type="date" className={`${c.className} max-w-60`} defaultValue={value("besluit-datum")} />}
        </Field>
        <Field t={t} id="besluit-link" label={a.decisionUrl} hint={a.decisionUrlHint} optional error={view.field["besluit-link"]}>
          {(c) => <input {...c} type="url" spellCheck={false} defaultValue={value("besluit-link")} />}
        </Field>
      </fieldset>
      <fieldset className="mb-6">
        <legend className="mb-2 text-xl font-bold">{a.conditionsLegend}</legend>
        <Field t={t} id="niveau" label={a.level} hint={a.levelHint} kind="select" error={view.field.niveau}>
          {(c) => (
            <select {...c} defaultValue={value("niveau") || "geen"}>
              <option value="geen">{a.noLevel}</option>
              {[...digidLevels, ...eherkenningLevels].map((l) => (
                <option key={l} value={l}>
                  {levelLabel(l)}
                </option>
              ))}
            </select>
          )}
        </Field>
        <Field t={t} id="max-mb" label={a.maxMb} optional error={view.field["max-mb"]}>
          {(c) => <input {...c} type="text" inputMode="numeric" className={`${c.className} max-w-32`} defaultValue={value("max-mb")} />}
        </Field>
        <Field t={t} id="bestandstypen" label={a.fileTypes} hint={a.fileTypesHint} optional error={view.field.bestandstypen}>
          {(c) => <input {...c} type="text" spellCheck={false} defaultValue={value("bestandstypen")} />}
        </Field>
      </fieldset>
      <Button disabled={pending}>{a.designate}</Button>
    </form>
  );
}

/** Ends one designation: its last day in force. */
export function EndDesignationForm({ t, id, productId, today, label }: { t: T; id: string; productId: string; today: string; label: string }) {
  const [state, action, pending] = useActionState(endDesignationAction, idle);
  const fieldId = `laatste-dag-${id}`;
  const view = formView(state, fieldId);
  const summary = view.summary.map((e) => (e.field === "laatste-dag" ? { ...e, field: fieldId } : e));
  const a = t.channels.admin;
  return (
    <form action={action} noValidate aria-label={label}>
      <ErrorSummary t={t} errors={summary} id={`foutmeldingen-${id}`} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="product" value={productId} />
      <Field t={t} id={fieldId} name="laatste-dag" label={a.lastDay} error={view.field["laatste-dag"]}>
        {(c) => <input {...c} type="date" className={`${c.className} max-w-52`} defaultValue={state.status === "error" ? (view.values["laatste-dag"] ?? "") : today} />}
      </Field>
      <Button variant="secondary" disabled={pending}>
        {a.end}
      </Button>
    </form>
  );
}
