import type { ReactNode } from "react";
import { Button } from "@/components/ui/Button";
import { controlClassName } from "@/components/ui/Field";

/** A search form sent with GET, so it works without JavaScript and the results have their own address. */
export function SearchForm({ action, id, label, hint, value, submit, formLabel, children }: { action: string; id: string; label: string; hint?: string; value: string; submit: string; formLabel?: string; children?: ReactNode }) {
  return (
    <form action={action} method="get" role="search" aria-label={formLabel ?? submit} className="mb-6">
      <label htmlFor={id} className="mb-1 block font-bold">
        {label}
      </label>
      {hint ? (
        <p id={`${id}-hint`} className="mb-2 text-muted">
          {hint}
        </p>
      ) : null}
      <div className="flex flex-wrap items-end gap-3">
        <input id={id} name="zoek" type="search" defaultValue={value} maxLength={100} aria-describedby={hint ? `${id}-hint` : undefined} className={controlClassName("input")} />
        {children}
        <Button>{submit}</Button>
      </div>
    </form>
  );
}
