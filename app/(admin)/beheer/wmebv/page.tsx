import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { isAssuranceLevel, levelLabel } from "@/lib/auth/levels";
import { can } from "@/lib/auth/policy";
import { countGaps, gapKinds, type ChecklistGap } from "@/lib/catalogue/checklist";
import { wmebvChecklist } from "@/lib/catalogue/queries";
import { amsterdamDate } from "@/lib/channels/designations";
import { format, formatDate, type Messages } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { requireStaffPage } from "@/lib/staff/guard";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.wmebv.title, robots: { index: false } };
}

function gapText(t: Messages, gap: ChecklistGap): string {
  const type = "messageType" in gap ? (t.catalogue.messageTypes[gap.messageType] ?? gap.messageType) : "";
  if (gap.kind === "no-designation") return format(t.wmebv.gapNoDesignation, { type });
  if (gap.kind === "level-above-product") return format(t.wmebv.gapLevel, { type, channel: gap.channelName, level: levelLabel(gap.level) });
  return t.wmebv.gapKinds[gap.kind] ?? gap.kind;
}

/** The Wmebv checklist (compliance view): per product the fields the law asks for, and its gaps counted at the top. */
export default async function WmebvChecklistPage() {
  const actor = await requireStaffPage("catalogue:manage");
  const { locale, t } = await getMessages();
  const today = amsterdamDate();
  const rows = await wmebvChecklist(actor, today);
  const counts = countGaps(rows.map((r) => r.gaps));
  const w = t.wmebv;
  const f = w.fields;
  const channelsToo = can(actor, "channels:manage");
  return (
    <>
      <Breadcrumbs t={t} items={[{ label: t.staff.beheer.title, href: "/beheer" }, { label: w.title }]} />
      <h1>{w.title}</h1>
      <p>{w.intro}</p>
      <p>{format(w.date, { date: formatDate(new Date(`${today}T12:00:00Z`), locale) })}</p>

      <section aria-labelledby="gaten" className="mb-10">
        <h2 id="gaten">{w.gapsHeading}</h2>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[1fr_max-content]">
          {gapKinds.map((kind) => (
            <div key={kind} className="contents">
              <dt>{w.gapKinds[kind]}</dt>
              <dd className="font-bold" data-gap={kind}>
                {counts[kind] === 1 ? w.gapCountOne : format(w.gapCount, { count: counts[kind] })}
              </dd>
            </div>
          ))}
        </dl>
      </section>

      <section aria-labelledby="producten-checklist">
        <h2 id="producten-checklist">{w.productsHeading}</h2>
        {rows.map(({ product, messageTypes, designations, gaps, formCheck }) => (
          <section key={product.id} aria-labelledby={`p-${product.id}`} className="mb-8 border-t-4 border-solid border-line pt-2">
            <h3 id={`p-${product.id}`}>
              {product.nameNl} <span className="text-base font-normal">({gaps.length === 0 ? w.allGood : gaps.length === 1 ? w.gapsForOne : format(w.gapsFor, { count: gaps.length })})</span>
            </h3>
            {gaps.length > 0 ? (
              <ul className="mb-3 list-disc pl-6 font-bold text-error">
                {gaps.map((g, i) => (
                  <li key={i}>{gapText(t, g)}</li>
                ))}
              </ul>
            ) : null}
            <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
              <dt className="font-bold">{f.upl}</dt>
              <dd>{product.uplName ?? w.none}</dd>
              <dt className="font-bold">{f.types}</dt>
              <dd>{messageTypes.length === 0 ? w.none : messageTypes.map((m) => `${t.catalogue.messageTypes[m.messageType]} (${m.official ? "2:13" : "2:14"})`).join(", ")}</dd>
              <dt className="font-bold">{f.channels}</dt>
              <dd>
                {designations.length === 0 ? (
                  w.none
                ) : (
                  <ul>
                    {designations.map((d, i) => (
                      <li key={i}>
                        {t.catalogue.messageTypes[d.messageType]}: {d.channelName}
                        {d.conditionLevel && isAssuranceLevel(d.conditionLevel) ? ` (${levelLabel(d.conditionLevel)})` : ""} — {d.decisionTitle}
                      </li>
                    ))}
                  </ul>
                )}
              </dd>
              <dt className="font-bold">{f.level}</dt>
              <dd>
                {[product.audience !== "businesses" ? (product.residentLevel ? levelLabel(product.residentLevel) : `${t.catalogue.audiences.residents}: ${t.catalogue.noLogin}`) : null, product.audience !== "residents" ? (product.businessLevel ? levelLabel(product.businessLevel) : `${t.catalogue.audiences.businesses}: ${t.catalogue.noLogin}`) : null]
                  .filter(Boolean)
                  .join(", ")}
              </dd>
              <dt className="font-bold">{f.basis}</dt>
              <dd>{product.legalBasis ?? w.none}</dd>
              <dt className="font-bold">{f.term}</dt>
              <dd>{product.decisionTermAmount && product.decisionTermUnit ? `${product.decisionTermAmount} ${t.catalogue.termUnits[product.decisionTermUnit]} (${t.catalogue.termKinds[product.decisionTermKind ?? "default"]})` : w.none}</dd>
              <dt className="font-bold">{f.atw}</dt>
              <dd>{product.atwApplies ? w.yes : w.no}</dd>
              <dt className="font-bold">{f.receipt}</dt>
              <dd>{t.catalogue.receiptRoutes[product.receiptRoute]}</dd>
              <dt className="font-bold">{f.copy}</dt>
              <dd>{product.copyGiven ? w.yes : w.no}</dd>
              <dt className="font-bold">{f.form}</dt>
              <dd>{formCheck === "yes" ? w.yes : formCheck === "no" ? w.no : w.noForm}</dd>
            </dl>
            <p className="mt-2">
              <Link href={`/beheer/producten/${product.id}`}>
                {w.edit}
                <span className="sr-only">: {product.nameNl}</span>
              </Link>
              {channelsToo ? (
                <>
                  {" · "}
                  <Link href={`/beheer/kanalen/producten/${product.id}`}>
                    {w.designations}
                    <span className="sr-only">: {product.nameNl}</span>
                  </Link>
                </>
              ) : null}
            </p>
          </section>
        ))}
      </section>
    </>
  );
}
