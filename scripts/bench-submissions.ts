// Prepares a database for the submission benchmark (bench/submissions.mjs): migrations, the demo
// data, and one made-up product for the large upload, because no demo product takes a 25 MB
// file (the largest file field of the demo forms takes 20 MB). The product
// "benchproduct-grote-bijlage" gets the complaint form with its file field raised to 30 MB and a
// portal designation allowing PDF up to 30 MB, through the same services an admin's edit uses
// (the forms service saves and publishes the version). Idempotent. Never run it against a
// database people use. Prints one JSON line with what it found.
//
//   tsx --conditions=react-server scripts/bench-submissions.ts
import { loadEnvConfig } from "@next/env";
import { and, eq } from "drizzle-orm";
import { closeDatabase, getDatabase, migrateDatabase } from "../db";
import { channelDesignations, channels, productChanges, productMessageTypes, products } from "../db/schema";
import { seedDemoData } from "../db/seed";
import { DEMO_DECISION } from "../db/seed/catalogue";
import klachtIndienen from "../db/seed/forms/klacht-indienen.json";
import { currentVersion, seedForms } from "../lib/catalogue/forms/service";
import { portalChannelFor, uploadLimitsFor } from "../lib/submissions/drafts";
import { configureDatabaseFromEnv } from "../lib/runtime/start";

const BENCH_LARGE_PRODUCT = "benchproduct-grote-bijlage";
const LARGE_MB = 30;

async function main() {
  loadEnvConfig(process.cwd());
  configureDatabaseFromEnv();
  const handle = await getDatabase();
  await migrateDatabase(handle);
  const db = handle.db;
  await seedDemoData(db);

  const [added] = await db
    .insert(products)
    .values({
      slug: BENCH_LARGE_PRODUCT,
      topic: "overig",
      sortOrder: 999,
      nameNl: "Aanvraag met grote bijlage (benchproduct)",
      nameEn: "Application with a large attachment (bench product)",
      summaryNl: "Een gemaakt product om het uploaden van grote bestanden te meten.",
      summaryEn: "A made-up product to measure large uploads.",
      descriptionNl: "Dit product bestaat alleen om de snelheid en het geheugengebruik van het portaal te meten.",
      audience: "residents",
      residentLevel: "basis",
      businessLevel: null,
      decisionTermAmount: 8,
      decisionTermUnit: "weeks",
      decisionTermKind: "default",
    })
    .onConflictDoNothing({ target: products.slug })
    .returning({ id: products.id });
  const [product] = await db.select({ id: products.id }).from(products).where(eq(products.slug, BENCH_LARGE_PRODUCT));
  if (added) {
    await db.insert(productMessageTypes).values({ productId: product!.id, messageType: "aanvraag", official: true }).onConflictDoNothing();
    await db.insert(productChanges).values({ productId: product!.id, staffUserId: null, kind: "created", before: {}, after: { slug: BENCH_LARGE_PRODUCT, source: "bench" } });
  }
  const [portal] = await db.select({ id: channels.id }).from(channels).where(eq(channels.code, "portaal-webformulier"));
  const [designated] = await db.select({ id: channelDesignations.id }).from(channelDesignations).where(and(eq(channelDesignations.productId, product!.id), eq(channelDesignations.channelId, portal!.id)));
  if (!designated) {
    await db.insert(channelDesignations).values({
      productId: product!.id,
      messageType: "aanvraag",
      channelId: portal!.id,
      validFrom: DEMO_DECISION.validFrom,
      decisionTitle: DEMO_DECISION.title,
      decisionDate: DEMO_DECISION.date,
      decisionUrl: DEMO_DECISION.url,
      conditionLevel: "basis",
      maxFileSizeMb: LARGE_MB,
      allowedFileTypes: ["pdf"],
    });
  }
  const form = structuredClone(klachtIndienen) as typeof klachtIndienen;
  form.title = { nl: "Aanvraag met grote bijlage", en: "Application with a large attachment" };
  for (const step of form.steps) for (const field of step.fields) if (field.kind === "file") Object.assign(field, { maxSizeMb: LARGE_MB, allowedTypes: ["pdf"] });
  await db.transaction((tx) => seedForms(tx, { [BENCH_LARGE_PRODUCT]: form }));

  // What an upload into each product's file field may be, as the portal computes it.
  const limits: Record<string, number | null> = {};
  for (const slug of ["klacht-indienen", BENCH_LARGE_PRODUCT]) {
    const [p] = await db.select({ id: products.id }).from(products).where(eq(products.slug, slug));
    const version = await currentVersion(db, p!.id);
    const channel = await portalChannelFor(db, p!.id);
    limits[slug] = version ? (uploadLimitsFor(version.definition, "bijlagen", channel)?.maxBytes ?? null) : null;
  }
  await closeDatabase();
  console.log(JSON.stringify({ product: BENCH_LARGE_PRODUCT, maxUploadBytes: limits }));
}

main().catch((error) => {
  console.error(error instanceof Error ? error.stack : error);
  process.exit(1);
});
