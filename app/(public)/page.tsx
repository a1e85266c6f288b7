import Link from "next/link";
import { SearchForm } from "@/components/catalogue/SearchForm";
import { Banner } from "@/components/ui/Banner";
import { branding } from "@/lib/branding";
import { listActiveProducts, type ProductSummary } from "@/lib/catalogue/queries";
import { productTopics } from "@/lib/catalogue/message-types";
import { format } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

/** Products shown per topic before "Alles over ..." links to the whole topic. */
const PER_TOPIC = 8;

function first(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value)?.trim().slice(0, 100) ?? "";
}

function ProductList({ products }: { products: ProductSummary[] }) {
  return (
    <ul className="space-y-3">
      {products.map((p) => (
        <li key={p.slug}>
          <Link href={`/producten/${p.slug}`} className="font-semibold">
            {p.name}
          </Link>
          <br />
          <span className="text-muted">{p.summary}</span>
        </li>
      ))}
    </ul>
  );
}

/** The home page: what you can arrange (with search, GET, works without JavaScript), how to log in, where to get help. */
export default async function HomePage({ searchParams }: { searchParams: SearchParams }) {
  const { locale, t } = await getMessages();
  const brand = branding();
  const params = await searchParams;
  const query = first(params.zoek);
  const rawTopic = first(params.onderwerp);
  const topic = (productTopics as readonly string[]).includes(rawTopic) ? rawTopic : "";
  const products = await listActiveProducts(locale, { query, topic });
  const topics = [...new Set(products.map((p) => p.topic))];
  const topicName = (key: string) => t.catalogue.topics[key] ?? t.home.topics[key] ?? t.home.topics.overig!;
  const c = t.catalogue.home;
  return (
    <>
      <h1>{format(t.home.title, { municipality: brand.name })}</h1>
      <p className="text-xl">{t.home.intro}</p>

      <section aria-labelledby="wat">
        <h2 id="wat">{c.heading}</h2>
        <SearchForm action="/" id="zoek-product" label={c.searchLabel} hint={c.searchHint} value={query} submit={c.searchSubmit} />
        {query ? (
          <>
            <p role="status" className="font-bold">
              {products.length === 0 ? format(c.noResults, { query }) : products.length === 1 ? format(c.result, { query }) : format(c.results, { count: products.length, query })}
            </p>
            <ProductList products={products} />
            <p>
              <Link href="/">{c.showAll}</Link>
            </p>
          </>
        ) : topic ? (
          <>
            <h3>{topicName(topic)}</h3>
            <ProductList products={products} />
            <p>
              <Link href="/">{c.showAll}</Link>
            </p>
          </>
        ) : (
          <>
            {products.length === 0 ? <p>{t.home.noProducts}</p> : null}
            <div className="grid gap-6 md:grid-cols-2">
              {topics.map((key) => {
                const inTopic = products.filter((p) => p.topic === key);
                return (
                  <section key={key} aria-labelledby={`topic-${key}`} className="border-t-4 border-brand pt-2">
                    <h3 id={`topic-${key}`}>{topicName(key)}</h3>
                    <ProductList products={inTopic.slice(0, PER_TOPIC)} />
                    {inTopic.length > PER_TOPIC ? (
                      <p className="mt-3">
                        <Link href={`/?onderwerp=${encodeURIComponent(key)}`}>{format(c.allInTopic, { topic: topicName(key), count: inTopic.length })}</Link>
                      </p>
                    ) : null}
                  </section>
                );
              })}
            </div>
          </>
        )}
      </section>

      <section aria-labelledby="inloggen">
        <h2 id="inloggen">{t.home.loginHeading}</h2>
        <ul className="mb-4 list-disc pl-6">
          <li>{t.home.loginResident}</li>
          <li>{t.home.loginBusiness}</li>
        </ul>
        <p>{t.home.loginNoDigid}</p>
      </section>

      <section aria-labelledby="hulp">
        <h2 id="hulp">{t.home.helpHeading}</h2>
        <Banner>
          <p>{format(t.home.helpText, { phone: brand.phone })}</p>
        </Banner>
      </section>
    </>
  );
}
