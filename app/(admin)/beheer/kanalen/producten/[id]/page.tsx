import type { Metadata } from "next";
import Link from "next/link";
import { Banner } from "@/components/ui/Banner";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { Table } from "@/components/ui/Table";
import { isAssuranceLevel, levelLabel } from "@/lib/auth/levels";
import { can } from "@/lib/auth/policy";
import { messageTypes as allTypes } from "@/lib/catalogue/message-types";
import { amsterdamDate, isInForce } from "@/lib/channels/designations";
import { getProductDesignations } from "@/lib/channels/queries";
import { format, formatDate } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { requireStaffPage } from "@/lib/staff/guard";
import { DesignationForm, EndDesignationForm } from "../../forms";

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const day = (iso: string) => new Date(`${iso}T12:00:00Z`);

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const actor = await requireStaffPage("channels:manage");
  const { t } = await getMessages();
  const { product } = await getProductDesignations(actor, (await params).id);
  return { title: format(t.channels.admin.designationsTitle, { name: product.nameNl }), robots: { index: false } };
}

/** Admins: every designation of one product per message type (history included), ending one, and designating a channel. */
export default async function ProductDesignationsPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const actor = await requireStaffPage("channels:manage");
  const { locale, t } = await getMessages();
  const { product, messageTypes, channels, designations } = await getProductDesignations(actor, (await params).id);
  const a = t.channels.admin;
  const today = amsterdamDate();
  const rawNotice = (await searchParams).melding;
  const notice = typeof rawNotice === "string" && Object.hasOwn(a.notices, rawNotice) ? a.notices[rawNotice] : undefined;
  const types = allTypes.filter((m) => messageTypes.some((x) => x.messageType === m));
  const ft = { form: t.form, catalogue: t.catalogue, channels: t.channels };
  return (
    <>
      <Breadcrumbs t={t} items={[{ label: t.staff.beheer.title, href: "/beheer" }, { label: a.title, href: "/beheer/kanalen" }, { label: product.nameNl }]} />
      <h1>{format(a.designationsTitle, { name: product.nameNl })}</h1>
      {notice ? (
        <Banner kind="success" className="mb-6">
          <p role="status">{notice}</p>
        </Banner>
      ) : null}
      <p>{a.designationsIntro}</p>
      {can(actor, "catalogue:manage") ? (
        <p>
          <Link href={`/beheer/producten/${product.id}`}>{a.productLink}</Link>
        </p>
      ) : null}

      {types.length === 0 ? <p>{a.noTypes}</p> : null}
      {types.map((type) => {
        const rows = designations.filter((d) => d.messageType === type);
        const typeName = t.catalogue.messageTypes[type] ?? type;
        return (
          <section key={type} aria-labelledby={`type-${type}`} className="mb-10">
            <h2 id={`type-${type}`}>
              {typeName} <span className="text-base font-normal text-muted">({messageTypes.find((m) => m.messageType === type)?.official ? t.catalogue.official : t.catalogue.notOfficial})</span>
            </h2>
            {rows.length === 0 ? (
              <p>{a.noDesignations}</p>
            ) : (
              <Table
                caption={format(a.designationsCaption, { type: typeName })}
                captionHidden
                rows={rows}
                rowKey={(d) => d.id}
                columns={[
                  { header: a.colChannel, rowHeader: true, cell: (d) => d.channelNameNl },
                  {
                    header: a.colPeriod,
                    cell: (d) => (
                      <>
                        {d.validTo ? format(a.period, { from: formatDate(day(d.validFrom), locale), to: formatDate(day(d.validTo), locale) }) : format(a.periodOpen, { from: formatDate(day(d.validFrom), locale) })}
                        <br />
                        <strong>{isInForce(d, today) ? a.inForce : d.validFrom > today ? a.notYet : a.ended}</strong>
                      </>
                    ),
                  },
                  {
                    header: a.colDecision,
                    cell: (d) => (
                      <>
                        {d.decisionUrl ? <a href={d.decisionUrl}>{d.decisionTitle}</a> : d.decisionTitle}, {formatDate(day(d.decisionDate), locale)}
                        {d.createdByName ? <span className="block text-muted">{format(a.by, { name: d.createdByName })}</span> : null}
                      </>
                    ),
                  },
                  {
                    header: a.colConditions,
                    cell: (d) => (
                      <ul>
                        <li>{d.conditionLevel && isAssuranceLevel(d.conditionLevel) ? levelLabel(d.conditionLevel) : a.noLevel}</li>
                        {d.maxFileSizeMb ? <li>{format(t.channels.register.maxSize, { size: d.maxFileSizeMb })}</li> : null}
                        <li>{d.allowedFileTypes.length > 0 ? d.allowedFileTypes.join(", ") : t.channels.register.noFiles}</li>
                      </ul>
                    ),
                  },
                  {
                    header: a.colEnd,
                    cell: (d) =>
                      d.validTo === null || d.validTo > today ? <EndDesignationForm t={ft} id={d.id} productId={product.id} today={d.validFrom > today ? d.validFrom : today} label={`${a.end}: ${d.channelNameNl}, ${typeName}`} /> : null,
                  },
                ]}
              />
            )}
          </section>
        );
      })}

      {types.length > 0 ? (
        <section aria-labelledby="aanwijzen" className="mb-10">
          <h2 id="aanwijzen">{a.newHeading}</h2>
          <DesignationForm
            t={ft}
            productId={product.id}
            messageTypes={types}
            channels={channels.map((c) => ({ id: c.id, name: c.nameNl, kind: c.kind }))}
            defaults={{ "geldig-vanaf": today, "besluit-datum": today, niveau: "geen" }}
          />
        </section>
      ) : null}
    </>
  );
}
