import type { Metadata } from "next";
import Link from "next/link";
import { ChannelDetails } from "@/components/catalogue/ChannelDetails";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { ButtonLink } from "@/components/ui/Button";
import { StartSubmission } from "@/components/submissions/StartSubmission";
import { levelLabel } from "@/lib/auth/levels";
import { getPublicProduct } from "@/lib/catalogue/queries";
import { format } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";

type Params = Promise<{ slug: string }>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { locale } = await getMessages();
  const { product } = await getPublicProduct((await params).slug);
  return { title: locale === "en" ? product.nameEn : product.nameNl, description: locale === "en" ? product.summaryEn : product.summaryNl };
}

/** A product for the public: what it is, who can use it, how to log in, what to send and through which channels, how long it takes. */
export default async function ProductPage({ params }: { params: Params }) {
  const { locale, t } = await getMessages();
  const { product, messageTypes } = await getPublicProduct((await params).slug);
  const en = locale === "en";
  const p = t.catalogue.page;
  const name = en ? product.nameEn : product.nameNl;
  const description = (en ? product.descriptionEn : product.descriptionNl) ?? (en ? product.summaryEn : product.summaryNl);
  const forResidents = product.audience !== "businesses";
  const forBusinesses = product.audience !== "residents";
  return (
    <>
      <Breadcrumbs t={t} items={[{ label: t.frame.navHome, href: "/" }, { label: name }]} />
      <h1>{name}</h1>
      {product.uplName ? <p className="text-muted">{format(p.upl, { name: product.uplName })}</p> : null}
      <p className="text-xl">{description}</p>
      <StartSubmission t={t} slug={product.slug} messageTypes={messageTypes} level={forResidents ? product.residentLevel : product.businessLevel} />

      <section aria-labelledby="voor-wie">
        <h2 id="voor-wie">{p.whoHeading}</h2>
        <p>{t.catalogue.audiences[product.audience]}</p>
      </section>

      <section aria-labelledby="inloggen-product">
        <h2 id="inloggen-product">{p.loginHeading}</h2>
        <ul className="list-disc pl-6">
          {forResidents ? <li>{product.residentLevel ? format(p.loginResidents, { level: levelLabel(product.residentLevel) }) : p.noLoginResidents}</li> : null}
          {forBusinesses ? <li>{product.businessLevel ? format(p.loginBusinesses, { level: levelLabel(product.businessLevel) }) : p.noLoginBusinesses}</li> : null}
        </ul>
      </section>

      <section aria-labelledby="berichten">
        <h2 id="berichten">{p.typesHeading}</h2>
        {messageTypes.map((type) => (
          <section key={type.messageType} aria-labelledby={`type-${type.messageType}`} className="mb-6">
            <h3 id={`type-${type.messageType}`}>{t.catalogue.messageTypes[type.messageType]}</h3>
            <p className="text-muted">{type.official ? t.catalogue.official : t.catalogue.notOfficial}</p>
            {type.channels.length === 0 ? (
              <p>{p.noChannels}</p>
            ) : (
              <ul className="space-y-4">
                {type.channels.map((c, i) => (
                  <li key={i} className="border-l-4 border-solid border-line pl-4">
                    <ChannelDetails t={t} locale={locale} channel={{ ...c, name: en ? c.nameEn : c.nameNl }} />
                  </li>
                ))}
              </ul>
            )}
          </section>
        ))}
        <p>
          <Link href={`/kanalen?zoek=${encodeURIComponent(product.nameNl)}`}>{p.registerLink}</Link>
        </p>
      </section>

      <section aria-labelledby="termijn">
        <h2 id="termijn">{p.termHeading}</h2>
        {product.decisionTermAmount && product.decisionTermUnit ? (
          <>
            <p>{format(p.term, { amount: product.decisionTermAmount, unit: t.catalogue.termUnits[product.decisionTermUnit] ?? product.decisionTermUnit })}</p>
            <p>{product.decisionTermKind === "statutory" ? p.termStatutory : p.termDefault}</p>
            {product.atwApplies ? <p>{p.atw}</p> : null}
          </>
        ) : (
          <p>{p.noTerm}</p>
        )}
      </section>

      <section aria-labelledby="bevestiging">
        <h2 id="bevestiging">{p.receiptHeading}</h2>
        <p>{format(p.receipt, { route: t.catalogue.receiptRoutes[product.receiptRoute] ?? product.receiptRoute })}</p>
        {product.copyGiven ? <p>{p.copy}</p> : null}
      </section>

      <section aria-labelledby="formulier">
        <h2 id="formulier">{p.formHeading}</h2>
        <p>{p.formText}</p>
        <p>
          <ButtonLink href={`/producten/${product.slug}/formulier`} variant="secondary">
            {p.formLink}
          </ButtonLink>
        </p>
      </section>
    </>
  );
}
