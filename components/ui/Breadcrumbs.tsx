import Link from "next/link";
import type { Messages } from "@/lib/i18n";

/** One step in the breadcrumb trail; the last one is the current page and needs no href. */
export interface Crumb {
  label: string;
  href?: string;
}

/** Where this page sits in the site: an ordered list of links, the current page marked with aria-current. */
export function Breadcrumbs({ t, items }: { t: Pick<Messages, "frame">; items: readonly Crumb[] }) {
  if (items.length === 0) return null;
  return (
    <nav aria-label={t.frame.breadcrumbs} className="no-print mb-6 text-base">
      <ol className="flex flex-wrap items-center gap-x-2 gap-y-1">
        {items.map((item, i) => {
          const last = i === items.length - 1;
          return (
            <li key={`${i}-${item.label}`} className="flex items-center gap-x-2">
              {i > 0 ? (
                <span aria-hidden="true" className="text-muted">
                  ›
                </span>
              ) : null}
              {last ? (
                <span aria-current="page">{item.label}</span>
              ) : item.href ? (
                <Link href={item.href}>{item.label}</Link>
              ) : (
                <span>{item.label}</span>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
