import type { ReactNode } from "react";

const styles = {
  info: "border-brand bg-white",
  warning: "border-[#8a6d00] bg-warning-bg",
  error: "border-error bg-white",
  success: "border-success bg-white",
} as const;

/**
 * A notice across the page or above content. Errors are announced to screen readers at once
 * (role="alert"); other kinds are plain regions so they do not interrupt.
 */
export function Banner({ kind = "info", title, children, className = "" }: { kind?: keyof typeof styles; title?: string; children: ReactNode; className?: string }) {
  return (
    <div role={kind === "error" ? "alert" : undefined} className={`border-l-8 border-solid px-4 py-3 ${styles[kind]} ${className}`}>
      {title ? <p className="mb-1 font-bold">{title}</p> : null}
      <div className="[&>p:last-child]:mb-0">{children}</div>
    </div>
  );
}
