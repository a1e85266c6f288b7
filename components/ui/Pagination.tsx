import Link from "next/link";
import { format, type Messages } from "@/lib/i18n";

/** The page number asked for in ?pagina=N; anything that is not a whole number from 1 up means page 1. */
export function pageFromParam(value: string | string[] | undefined): number {
  const raw = Array.isArray(value) ? value[0] : value;
  return raw && /^[1-9]\d{0,5}$/.test(raw) ? Number(raw) : 1;
}

/**
 * The page numbers to show: the first, the last, and the current one with its neighbours;
 * null marks a gap ("…"). Pure, so it can be tested on its own.
 */
export function pageItems(page: number, pageCount: number): (number | null)[] {
  const wanted = new Set([1, pageCount, page - 1, page, page + 1].filter((p) => p >= 1 && p <= pageCount));
  const sorted = [...wanted].sort((a, b) => a - b);
  const items: (number | null)[] = [];
  for (const p of sorted) {
    const last = items[items.length - 1];
    if (typeof last === "number" && p - last === 2) items.push(p - 1);
    else if (typeof last === "number" && p - last > 2) items.push(null);
    items.push(p);
  }
  return items;
}

const linkClass = "inline-flex min-h-11 min-w-11 items-center justify-center px-2 font-semibold";

/**
 * Links to the other pages of a list: previous, numbers, next. Plain links built by `href`,
 * so it works without JavaScript. Renders nothing when everything fits on one page.
 */
export function Pagination({ t, page, pageCount, href }: { t: Pick<Messages, "pagination">; page: number; pageCount: number; href: (page: number) => string }) {
  if (pageCount <= 1) return null;
  return (
    <nav aria-label={t.pagination.label} className="no-print my-6">
      <ul className="flex flex-wrap items-center gap-1">
        {page > 1 ? (
          <li>
            <Link href={href(page - 1)} rel="prev" className={linkClass}>
              <span aria-hidden="true">‹&nbsp;</span>
              {t.pagination.previous}
            </Link>
          </li>
        ) : null}
        {pageItems(page, pageCount).map((p, i) =>
          p === null ? (
            <li key={`gap-${i}`} aria-hidden="true" className="px-2">
              …
            </li>
          ) : (
            <li key={p}>
              <Link
                href={href(p)}
                aria-label={format(t.pagination.page, { page: p })}
                aria-current={p === page ? "page" : undefined}
                className={p === page ? `${linkClass} bg-brand text-white no-underline visited:text-white` : linkClass}
              >
                {p}
              </Link>
            </li>
          ),
        )}
        {page < pageCount ? (
          <li>
            <Link href={href(page + 1)} rel="next" className={linkClass}>
              {t.pagination.next}
              <span aria-hidden="true">&nbsp;›</span>
            </Link>
          </li>
        ) : null}
      </ul>
    </nav>
  );
}
