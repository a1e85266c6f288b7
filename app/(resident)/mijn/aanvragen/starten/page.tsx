import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { ButtonLink } from "@/components/ui/Button";
import { requireParty } from "@/lib/auth/current";
import { isAssuranceLevel, levelLabel } from "@/lib/auth/levels";
import { format } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { productForStart } from "@/lib/submissions/draft-queries";
import { loginPath } from "@/lib/submissions/request-party";

type SearchParams = Promise<Record<string, string | string[] | undefined>>;

const reasons = ["geen-kanaal", "niveau-te-laag", "doelgroep", "geen-formulier"] as const;
type Reason = (typeof reasons)[number];

function one(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.submissionFlow.cannotStart.title };
}

/**
 * Why a product cannot be started (or sent) online now: the register does not designate the
 * portal for it, the login level is too low (log in again at the level needed), it is not for
 * this kind of party, or it has no form yet.
 */
export default async function CannotStartPage({ searchParams }: { searchParams: SearchParams }) {
  const party = await requireParty();
  const { locale, t } = await getMessages();
  const c = t.submissionFlow.cannotStart;
  const params = await searchParams;
  const reason = one(params.reden);
  const product = await productForStart(one(params.product) ?? "");
  if (!product || !reasons.includes(reason as Reason)) {
    // Opened without a product (a bookmark, a typed address): nothing to explain.
    return (
      <>
        <h1>{c.title}</h1>
        <p>{c.unknown}</p>
        <p>
          <Link href="/">{t.frame.navHome}</Link>
        </p>
      </>
    );
  }
  const name = locale === "en" ? product.nameEn : product.nameNl;
  const productPath = `/producten/${product.slug}`;
  const required = one(params.niveau);
  const requiredLabel = isAssuranceLevel(required) ? levelLabel(required) : "";
  return (
    <>
      <Breadcrumbs t={t} items={[{ label: t.frame.navHome, href: "/" }, { label: name, href: productPath }, { label: c.title }]} />
      <h1>{c.title}</h1>
      {reason === "niveau-te-laag" && requiredLabel ? (
        <>
          <p>{format(c["niveau-te-laag"], { product: name, required: requiredLabel, current: levelLabel(party.level) })}</p>
          <p>
            <ButtonLink href={loginPath(productPath)}>{format(c.loginAgain, { required: requiredLabel })}</ButtonLink>
          </p>
        </>
      ) : reason === "doelgroep" ? (
        <p>{format(c.doelgroep, { product: name, audience: c.audiences[product.audience] })}</p>
      ) : (
        <>
          <p>{format(reason === "geen-formulier" ? c["geen-formulier"] : c["geen-kanaal"], { product: name })}</p>
          <p>
            <Link href={`/kanalen?${new URLSearchParams({ zoek: product.nameNl })}`}>{c.channelsLink}</Link>
          </p>
        </>
      )}
      <p>
        <Link href={productPath}>{format(c.backToProduct, { product: name })}</Link>
      </p>
    </>
  );
}
