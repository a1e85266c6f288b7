import Link from "next/link";
import type { ButtonHTMLAttributes, ComponentProps } from "react";

const base =
  "inline-flex min-h-11 cursor-pointer items-center justify-center gap-2 rounded-sm border-2 border-solid px-5 py-2 text-lg leading-tight font-semibold no-underline shadow-[0_2px_0_var(--color-ink)] active:translate-y-0.5 active:shadow-none disabled:cursor-not-allowed disabled:opacity-60";

const variants = {
  // The brand colour was checked for 4.5:1 against white at start-up (lib/env.ts).
  primary: "border-brand bg-brand text-white visited:text-white hover:bg-ink hover:border-ink hover:text-white",
  secondary: "border-brand bg-white text-brand visited:text-brand hover:bg-surface",
} as const;

export type ButtonVariant = keyof typeof variants;

/** The classes of a button; exported so a form's submit and a link can look alike. */
export function buttonClassName(variant: ButtonVariant = "primary", className = ""): string {
  return `${base} ${variants[variant]} ${className}`.trim();
}

/** A real <button>; a submit button unless told otherwise, so forms work without JavaScript. */
export function Button({ variant = "primary", className, type = "submit", ...rest }: ButtonHTMLAttributes<HTMLButtonElement> & { variant?: ButtonVariant }) {
  return <button type={type} className={buttonClassName(variant, className)} {...rest} />;
}

/** A link that looks like a button, for actions that go somewhere ("Start aanvraag"). */
export function ButtonLink({ variant = "primary", className, ...rest }: ComponentProps<typeof Link> & { variant?: ButtonVariant }) {
  return <Link className={buttonClassName(variant, className)} {...rest} />;
}
