import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { Table } from "@/components/ui/Table";
import { productHistory } from "@/lib/catalogue/queries";
import { format, formatDateTime } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { requireStaffPage } from "@/lib/staff/guard";

type Params = Promise<{ id: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const actor = await requireStaffPage("catalogue:manage");
  const { t } = await getMessages();
  const { product } = await productHistory(actor, (await params).id);
  return { title: format(t.catalogue.admin.historyTitle, { name: product.nameNl }), robots: { index: false } };
}

function shown(value: unknown, empty: string): string {
  if (value === null || value === undefined || value === "") return empty;
  if (Array.isArray(value)) return value.length === 0 ? empty : value.join(", ");
  if (typeof value === "object") return JSON.stringify(value);
  return String(value);
}

/** Every change to a product: who, when, and each field before and after. */
export default async function ProductHistoryPage({ params }: { params: Params }) {
  const actor = await requireStaffPage("catalogue:manage");
  const { locale, t } = await getMessages();
  const { product, changes } = await productHistory(actor, (await params).id);
  const a = t.catalogue.admin;
  return (
    <>
      <Breadcrumbs
        t={t}
        items={[
          { label: t.staff.beheer.title, href: "/beheer" },
          { label: a.title, href: "/beheer/producten" },
          { label: product.nameNl, href: `/beheer/producten/${product.id}` },
          { label: a.historyLink },
        ]}
      />
      <h1>{format(a.historyTitle, { name: product.nameNl })}</h1>
      <p>{a.historyIntro}</p>
      {changes.length === 0 ? (
        <p>{a.historyEmpty}</p>
      ) : (
        <Table
          caption={a.historyCaption}
          captionHidden
          rows={changes}
          rowKey={(c) => c.id}
          columns={[
            { header: a.colWhen, rowHeader: true, cell: (c) => <time dateTime={c.changedAt.toISOString()}>{formatDateTime(c.changedAt, locale)}</time> },
            { header: a.colWho, cell: (c) => c.staffName ?? a.system },
            { header: a.colKind, cell: (c) => a.kinds[c.kind] ?? c.kind },
            {
              header: a.colChanges,
              cell: (c) =>
                c.kind === "created" ? null : (
                  <ul className="space-y-1">
                    {Object.keys(c.after).map((field) => (
                      <li key={field} className="wrap-anywhere">
                        {format(a.fieldChange, { field, before: shown(c.before[field], a.emptyValue), after: shown(c.after[field], a.emptyValue) })}
                      </li>
                    ))}
                  </ul>
                ),
            },
          ]}
        />
      )}
    </>
  );
}
