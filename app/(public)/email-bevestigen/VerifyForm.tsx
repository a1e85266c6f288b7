"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Banner } from "@/components/ui/Banner";
import { Button } from "@/components/ui/Button";
import { idle } from "@/lib/forms/form-state";
import { format, type Messages } from "@/lib/i18n";
import { verifyEmailAction } from "@/lib/notifications/actions";

/** A button that confirms the address; the answer (verified, expired, used, unknown) replaces it. */
export function VerifyForm({ t, code }: { t: Pick<Messages, "form" | "notifications">; code: string }) {
  const [state, action, pending] = useActionState(verifyEmailAction, idle);
  const v = t.notifications.verify;
  if (state.status === "ok") {
    const { status, resent } = state.data;
    if (status === "verified") {
      return (
        <>
          <Banner kind="success" className="mb-6">
            <p role="status">{v.verified}</p>
            {resent > 0 ? <p>{format(v.resent, { count: resent })}</p> : null}
          </Banner>
          <p>
            <Link href="/mijn/instellingen">{v.toSettings}</Link>
          </p>
        </>
      );
    }
    return (
      <>
        <Banner kind="error" className="mb-6">
          <p>{v[status]}</p>
        </Banner>
        <p>
          <Link href="/mijn/instellingen#email">{v.newLink}</Link>
        </p>
      </>
    );
  }
  return (
    <form action={action}>
      {state.status === "error" && state.formError ? (
        <Banner kind="error" className="mb-6">
          <p>{state.formError}</p>
        </Banner>
      ) : null}
      <input type="hidden" name="code" value={code} />
      <p>{v.intro}</p>
      <Button disabled={pending}>{v.submit}</Button>
    </form>
  );
}
