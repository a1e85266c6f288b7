import { Banner } from "@/components/ui/Banner";
import { branding } from "@/lib/branding";
import { listActiveProducts } from "@/lib/catalogue/queries";
import { format } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";

export default async function HomePage() {
  const { locale, t } = await getMessages();
  const brand = branding();
  const products = await listActiveProducts(locale);
  const topics = [...new Set(products.map((p) => p.topic))];
  return (
    <>
      <h1>{format(t.home.title, { municipality: brand.name })}</h1>
      <p className="text-xl">{t.home.intro}</p>

      <section aria-labelledby="wat">
        <h2 id="wat">{t.home.whatHeading}</h2>
        {products.length === 0 ? <p>{t.home.noProducts}</p> : null}
        <div className="grid gap-6 md:grid-cols-2">
          {topics.map((topic) => (
            <section key={topic} aria-labelledby={`topic-${topic}`} className="border-t-4 border-brand pt-2">
              <h3 id={`topic-${topic}`}>{t.home.topics[topic] ?? t.home.topics.overig}</h3>
              <ul className="space-y-3">
                {products
                  .filter((p) => p.topic === topic)
                  .map((p) => (
                    <li key={p.slug}>
                      <span className="font-semibold">{p.name}</span>
                      <br />
                      <span className="text-muted">{p.summary}</span>
                    </li>
                  ))}
              </ul>
            </section>
          ))}
        </div>
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
