import type { Metadata } from "next";
import Link from "next/link";
import { ChannelDetails, DecisionReference } from "@/components/catalogue/ChannelDetails";
import { SearchForm } from "@/components/catalogue/SearchForm";
import { controlClassName } from "@/components/ui/Field";
import { Pagination, pageFromParam } from "@/components/ui/Pagination";
import { isMessageType, messageTypes } from "@/lib/catalogue/message-types";
import { amsterdamDate } from "@/lib/channels/designations";
import { registerOn } from "@/lib/channels/queries";
import { filterRegister } from "@/lib/channels/register";
import { notFoundPage } from "@/lib/http/not-found";
import { format, formatDate } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Products per page: with search and the filter, 400 products stay usable, and each page stays small and fast. */
const PAGE_SIZE = 10;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim().slice(0, 100) ?? "";
}

export async function generateMetadata({ searchParams }: { searchParams: SearchParams }): Promise<Metadata> {
  const { t } = await getMessages();
  const page = pageFromParam((await searchParams).pagina);
  return { title: page === 1 ? t.channels.register.title : `${t.channels.register.title} (${page})` };
}

/**
 * The public channel register (R2): per product and message type, the channels designated and
 * in force today, with conditions and decision. Search and filter by GET, so it works without
 * JavaScript; paged by product.
 */
export default async function ChannelRegisterPage({ searchParams }: { searchParams: SearchParams }) {
  const { locale, t } = await getMessages();
  const params = await searchParams;
  const query = first(params.zoek);
  const rawType = first(params.berichttype);
  const messageType = isMessageType(rawType) ? rawType : null;
  const page = pageFromParam(params.pagina);
  const date = amsterdamDate();
  const register = await registerOn(date);
  const found = filterRegister(register, { query, messageType });
  const pageCount = Math.max(1, Math.ceil(found.length / PAGE_SIZE));
  if (page > pageCount) notFoundPage();
  const shown = found.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE);
  const r = t.channels.register;
  const en = locale === "en";
  const href = (p: number) => {
    const q = new URLSearchParams();
    if (query) q.set("zoek", query);
    if (messageType) q.set("berichttype", messageType);
    if (p > 1) q.set("pagina", String(p));
    const s = q.toString();
    return s ? `/kanalen?${s}` : "/kanalen";
  };
  return (
    <>
      <h1>{r.title}</h1>
      <p className="text-xl">{r.intro}</p>
      <p>{format(r.date, { date: formatDate(new Date(`${date}T12:00:00Z`), locale) })}</p>

      <SearchForm action="/kanalen" id="zoek-kanaal" label={r.searchLabel} hint={r.searchHint} value={query} submit={r.submit} formLabel={r.searchLegend}>
        <div>
          <label htmlFor="berichttype" className="mb-1 block font-bold">
            {r.typeLabel}
          </label>
          <select id="berichttype" name="berichttype" defaultValue={messageType ?? ""} className={controlClassName("select")}>
            <option value="">{r.allTypes}</option>
            {messageTypes.map((type) => (
              <option key={type} value={type}>
                {t.catalogue.messageTypes[type]}
              </option>
            ))}
          </select>
        </div>
      </SearchForm>

      <p role="status" className="font-bold">
        {found.length === 0 ? r.none : found.length === 1 ? r.countOne : format(r.count, { count: found.length })}
      </p>
      {query || messageType ? (
        <p>
          <Link href="/kanalen">{r.clear}</Link>
        </p>
      ) : null}

      {shown.map((product) => {
        const name = en ? product.name.en : product.name.nl;
        return (
          <section key={product.slug} aria-labelledby={`product-${product.slug}`} className="mb-8 border-t-4 border-solid border-brand pt-2">
            <h2 id={`product-${product.slug}`}>{name}</h2>
            {product.messageTypes.map((type) => {
              // One decision for all channels of a type (the usual case) is named once, under them.
              const first = type.channels[0]!;
              const shared = type.channels.every((c) => c.decision.title === first.decision.title && c.decision.date === first.decision.date && c.decision.url === first.decision.url);
              return (
                <section key={type.type} aria-labelledby={`product-${product.slug}-${type.type}`} className="mb-4">
                  <h3 id={`product-${product.slug}-${type.type}`}>
                    {t.catalogue.messageTypes[type.type]} <span className="text-base font-normal text-muted">({type.official ? t.catalogue.official : t.catalogue.notOfficial})</span>
                  </h3>
                  <ul className="mb-2 space-y-3">
                    {type.channels.map((c) => (
                      <li key={c.designationId} className="border-l-4 border-solid border-line pl-4">
                        <ChannelDetails
                          t={t}
                          locale={locale}
                          showDecision={!shared}
                          channel={{
                            kind: c.kind,
                            name: en ? c.name.en : c.name.nl,
                            address: c.address,
                            conditionLevel: c.conditions.loginLevel,
                            maxFileSizeMb: c.conditions.maxFileSizeMb,
                            allowedFileTypes: c.conditions.allowedFileTypes,
                            decisionTitle: c.decision.title,
                            decisionDate: c.decision.date,
                            decisionUrl: c.decision.url,
                            validTo: c.validTo,
                          }}
                        />
                      </li>
                    ))}
                  </ul>
                  {shared ? <DecisionReference t={t} locale={locale} title={first.decision.title} date={first.decision.date} url={first.decision.url} /> : null}
                </section>
              );
            })}
            <p>
              <Link href={`/producten/${product.slug}`}>{format(r.productLink, { name })}</Link>
            </p>
          </section>
        );
      })}
      <Pagination t={t} page={page} pageCount={pageCount} href={href} />

      <section aria-labelledby="api">
        <h2 id="api">{r.apiHeading}</h2>
        <p>
          {r.apiText} <a href={`/api/kanalen?datum=${date}`}>/api/kanalen?datum={date}</a>
        </p>
      </section>
    </>
  );
}
