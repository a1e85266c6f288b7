import "server-only";
import { asc, eq } from "drizzle-orm";
import { products } from "@/db/schema";
import type { Locale } from "../i18n";
import { withDb } from "../db";

export interface ProductSummary {
  slug: string;
  name: string;
  summary: string;
  topic: string;
}

/** Active products for the public home page, in the visitor's language, grouped by topic in order. */
export async function listActiveProducts(locale: Locale): Promise<ProductSummary[]> {
  const rows = await withDb((db) =>
    db
      .select({ slug: products.slug, nameNl: products.nameNl, nameEn: products.nameEn, summaryNl: products.summaryNl, summaryEn: products.summaryEn, topic: products.topic })
      .from(products)
      .where(eq(products.active, true))
      .orderBy(asc(products.topic), asc(products.sortOrder), asc(products.nameNl)),
  );
  return rows.map((r) => ({
    slug: r.slug,
    topic: r.topic,
    name: locale === "en" ? r.nameEn : r.nameNl,
    summary: locale === "en" ? r.summaryEn : r.summaryNl,
  }));
}
