"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/Button";
import { ErrorSummary } from "@/components/ui/ErrorSummary";
import { Field, fieldIds } from "@/components/ui/Field";
import type { Messages } from "@/lib/i18n";
import {
  createStaff,
  deactivateStaff,
  logOutStaffEverywhere,
  reactivateStaff,
  resetStaffPasswordAction,
  updateStaffRoles,
} from "@/lib/staff/actions";
import { formView, idle } from "@/lib/forms/form-state";

type T = Pick<Messages, "form" | "staff">;
const ROLES = ["balie", "behandelaar", "beheerder"] as const;

/** Checkboxes for the roles; the first box has the id "rollen" so the error summary can link to it. */
function RoleBoxes({ t, checked, error, idPrefix = "rollen" }: { t: T; checked: (role: string) => boolean; error?: string; idPrefix?: string }) {
  const ids = fieldIds(idPrefix);
  return (
    <fieldset className={`mb-6 ${error ? "border-l-4 border-solid border-error pl-4" : ""}`} aria-describedby={`${ids.hint}${error ? ` ${ids.error}` : ""}`}>
      <legend className="mb-1 font-bold">{t.staff.admin.rolesLegend}</legend>
      <p id={ids.hint} className="mb-2 text-muted">
        {t.staff.admin.rolesHint}
      </p>
      {error ? (
        <p id={ids.error} className="mb-2 font-bold text-error">
          <span className="sr-only">{t.form.errorPrefix} </span>
          {error}
        </p>
      ) : null}
      {ROLES.map((role, i) => {
        const id = i === 0 ? idPrefix : `${idPrefix}-${role}`;
        return (
          <div key={role} className="mb-2 flex items-start gap-3">
            <input type="checkbox" id={id} name={`rol-${role}`} value="ja" defaultChecked={checked(role)} className="mt-1 h-6 w-6 shrink-0" aria-describedby={`${id}-uitleg`} />
            <div>
              <label htmlFor={id} className="font-semibold">
                {t.staff.roles[role]}
              </label>
              <p id={`${id}-uitleg`} className="mb-0 text-muted">
                {t.staff.roleHints[role]}
              </p>
            </div>
          </div>
        );
      })}
    </fieldset>
  );
}

/** A new staff account: name, e-mail address, roles, and how they log in. */
export function CreateStaffForm({ t }: { t: T }) {
  const [state, action, pending] = useActionState(createStaff, idle);
  const view = formView(state, "naam");
  const method = view.values.inlogwijze ?? "wachtwoord";
  return (
    <form action={action} noValidate>
      <ErrorSummary t={t} errors={view.summary} />
      <Field t={t} id="naam" label={t.staff.admin.name} error={view.field.naam}>
        {(c) => <input {...c} type="text" autoComplete="off" defaultValue={view.values.naam ?? ""} />}
      </Field>
      <Field t={t} id="email" label={t.staff.admin.email} hint={t.staff.admin.emailHint} error={view.field.email}>
        {(c) => <input {...c} type="email" autoComplete="off" spellCheck={false} defaultValue={view.values.email ?? ""} />}
      </Field>
      <RoleBoxes t={t} checked={(role) => view.values[`rol-${role}`] === "ja"} error={view.field.rollen} />
      <fieldset className={`mb-6 ${view.field.inlogwijze ? "border-l-4 border-solid border-error pl-4" : ""}`}>
        <legend className="mb-2 font-bold">{t.staff.admin.loginLegend}</legend>
        {view.field.inlogwijze ? (
          <p className="mb-2 font-bold text-error">
            <span className="sr-only">{t.form.errorPrefix} </span>
            {view.field.inlogwijze}
          </p>
        ) : null}
        <div className="mb-2 flex items-start gap-3">
          <input type="radio" id="inlogwijze" name="inlogwijze" value="wachtwoord" defaultChecked={method === "wachtwoord"} className="mt-1 h-6 w-6 shrink-0" aria-describedby="inlogwijze-uitleg" />
          <div>
            <label htmlFor="inlogwijze" className="font-semibold">
              {t.staff.admin.loginPassword}
            </label>
            <p id="inlogwijze-uitleg" className="mb-0 text-muted">
              {t.staff.admin.loginPasswordHint}
            </p>
          </div>
        </div>
        <div className="mb-4 ml-9">
          <Field t={t} id="wachtwoord" label={t.staff.admin.initialPassword} hint={t.staff.admin.initialPasswordHint} error={view.field.wachtwoord}>
            {(c) => <input {...c} type="password" autoComplete="new-password" />}
          </Field>
        </div>
        <div className="mb-2 flex items-start gap-3">
          <input type="radio" id="inlogwijze-oidc" name="inlogwijze" value="oidc" defaultChecked={method === "oidc"} className="mt-1 h-6 w-6 shrink-0" aria-describedby="inlogwijze-oidc-uitleg" />
          <div>
            <label htmlFor="inlogwijze-oidc" className="font-semibold">
              {t.staff.admin.loginOidc}
            </label>
            <p id="inlogwijze-oidc-uitleg" className="mb-0 text-muted">
              {t.staff.admin.loginOidcHint}
            </p>
          </div>
        </div>
      </fieldset>
      <Button disabled={pending}>{t.staff.admin.create}</Button>
    </form>
  );
}

/** The roles of one staff member. */
export function RolesForm({ t, id, roles }: { t: T; id: string; roles: readonly string[] }) {
  const [state, action, pending] = useActionState(updateStaffRoles, idle);
  const view = formView(state, "rollen");
  return (
    <form action={action} noValidate>
      <ErrorSummary t={t} errors={view.summary} id="foutmeldingen-rollen" />
      <input type="hidden" name="id" value={id} />
      <RoleBoxes t={t} checked={(role) => (state.status === "error" ? view.values[`rol-${role}`] === "ja" : roles.includes(role))} error={view.field.rollen} />
      <Button disabled={pending}>{t.staff.admin.saveRoles}</Button>
    </form>
  );
}

/** An admin sets a temporary password. */
export function ResetPasswordForm({ t, id }: { t: T; id: string }) {
  const [state, action, pending] = useActionState(resetStaffPasswordAction, idle);
  const view = formView(state, "tijdelijk-wachtwoord");
  const summary = view.summary.map((e) => (e.field === "wachtwoord" ? { ...e, field: "tijdelijk-wachtwoord" } : e));
  return (
    <form action={action} noValidate>
      <ErrorSummary t={t} errors={summary} id="foutmeldingen-wachtwoord" />
      <input type="hidden" name="id" value={id} />
      <Field t={t} id="tijdelijk-wachtwoord" name="wachtwoord" label={t.staff.admin.initialPassword} hint={t.staff.admin.initialPasswordHint} error={view.field.wachtwoord}>
        {(c) => <input {...c} type="password" autoComplete="new-password" />}
      </Field>
      <Button variant="secondary" disabled={pending}>
        {t.staff.admin.resetSubmit}
      </Button>
    </form>
  );
}

const buttonActions: Record<"deactivate" | "reactivate" | "logout-everywhere", typeof deactivateStaff> = {
  deactivate: deactivateStaff,
  reactivate: reactivateStaff,
  "logout-everywhere": logOutStaffEverywhere,
};

/** One button that does one thing to an account (deactivate, activate, log out everywhere); refusals show above it. */
export function AccountButtonForm({ t, id, kind, label }: { t: T; id: string; kind: keyof typeof buttonActions; label: string }) {
  const [state, action, pending] = useActionState(buttonActions[kind], idle);
  const view = formView(state, `knop-${kind}`);
  return (
    <form action={action}>
      <ErrorSummary t={t} errors={view.summary} id={`foutmeldingen-${kind}`} />
      <input type="hidden" name="id" value={id} />
      <Button id={`knop-${kind}`} variant="secondary" disabled={pending}>
        {label}
      </Button>
    </form>
  );
}
