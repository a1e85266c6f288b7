// Loads a large catalogue for the benchmark (bench/run.mjs --catalogue): products and channel
// designations up to the given totals (default 400 products, 1,200 designations, the demo
// catalogue included), on the database the environment points at (DATA_DIR or DATABASE_URL).
// Idempotent: a second run adds nothing. Never run it against a database people use: it adds
// made-up products ("Benchproduct 001" ...).
//
//   tsx --conditions=react-server scripts/bench-catalogue.ts [products] [designations]
import { loadEnvConfig } from "@next/env";
import { count, like } from "drizzle-orm";
import { closeDatabase, getDatabase, migrateDatabase } from "../db";
import { channelDesignations, channels, productMessageTypes, products } from "../db/schema";
import { seedDemoCatalogue } from "../db/seed/catalogue";
import { configureDatabaseFromEnv } from "../lib/runtime/start";

const topics = ["wonen", "geld-en-werk", "buurt", "ondernemen", "bezwaar-en-klacht", "overig"];
const words = ["Vergunning", "Subsidie", "Ontheffing", "Melding", "Tegemoetkoming", "Registratie", "Verklaring", "Aanvraag"];
const subjects = ["terras", "standplaats", "geluid", "parkeren", "afval", "water", "boom", "uitrit", "reclame", "sport", "cultuur", "energie"];
// (message type, channel code) pairs a bench product's designations use, in this order.
const combos = [
  ["aanvraag", "portaal-webformulier"],
  ["aanvraag", "postadres"],
  ["bezwaar", "bezwaar-email"],
  ["bezwaar", "portaal-webformulier"],
  ["aanvraag", "balie-stadhuis"],
  ["bezwaar", "postadres"],
] as const;

async function main() {
  loadEnvConfig(process.cwd());
  const wantedProducts = Number(process.argv[2] ?? 400);
  const wantedDesignations = Number(process.argv[3] ?? 1200);
  configureDatabaseFromEnv();
  const handle = await getDatabase();
  await migrateDatabase(handle);
  const db = handle.db;
  await seedDemoCatalogue(db);

  const [{ n: productCount } = { n: 0 }] = await db.select({ n: count() }).from(products);
  const toAdd = Math.max(0, wantedProducts - productCount);
  const existingBench = (await db.select({ n: count() }).from(products).where(like(products.slug, "benchproduct-%")))[0]?.n ?? 0;
  const rows = Array.from({ length: toAdd }, (_, i) => {
    const n = existingBench + i + 1;
    const label = `${words[n % words.length]} ${subjects[n % subjects.length]}`;
    return {
      slug: `benchproduct-${String(n).padStart(3, "0")}`,
      topic: topics[n % topics.length]!,
      sortOrder: 100 + n,
      nameNl: `${label} (benchproduct ${String(n).padStart(3, "0")})`,
      nameEn: `Bench product ${String(n).padStart(3, "0")}`,
      summaryNl: `Een gemaakt product om de snelheid te meten: ${label.toLowerCase()}.`,
      summaryEn: "A made-up product to measure speed.",
      descriptionNl: "Dit product bestaat alleen om de snelheid van het kanalenregister te meten.",
      audience: "both" as const,
      residentLevel: "midden" as const,
      businessLevel: "eh3" as const,
      decisionTermAmount: 8,
      decisionTermUnit: "weeks" as const,
      decisionTermKind: "default" as const,
    };
  });
  const added = rows.length === 0 ? [] : await db.insert(products).values(rows).onConflictDoNothing({ target: products.slug }).returning({ id: products.id });
  if (added.length > 0) {
    await db.insert(productMessageTypes).values(added.flatMap((p) => [{ productId: p.id, messageType: "aanvraag" as const, official: true }, { productId: p.id, messageType: "bezwaar" as const, official: true }, { productId: p.id, messageType: "vraag" as const, official: false }]));
  }

  const [{ n: designationCount } = { n: 0 }] = await db.select({ n: count() }).from(channelDesignations);
  let missing = Math.max(0, wantedDesignations - designationCount);
  const channelIds = new Map((await db.select({ id: channels.id, code: channels.code }).from(channels)).map((c) => [c.code, c.id]));
  const benchProducts = await db.select({ id: products.id }).from(products).where(like(products.slug, "benchproduct-%")).orderBy(products.slug);
  const taken = new Set((await db.select({ p: channelDesignations.productId, t: channelDesignations.messageType, c: channelDesignations.channelId }).from(channelDesignations)).map((r) => `${r.p}/${r.t}/${r.c}`));
  const values: (typeof channelDesignations.$inferInsert)[] = [];
  for (const [type, code] of combos) {
    for (const p of benchProducts) {
      if (missing === 0) break;
      const channelId = channelIds.get(code)!;
      if (taken.has(`${p.id}/${type}/${channelId}`)) continue;
      values.push({
        productId: p.id,
        messageType: type,
        channelId,
        validFrom: "2026-01-01",
        decisionTitle: "Besluit elektronisch verkeer gemeente Voorbeeldstad 2026",
        decisionDate: "2025-12-16",
        decisionUrl: "https://www.voorbeeldstad.example/regelgeving/besluit-elektronisch-verkeer-2026",
        conditionLevel: code === "portaal-webformulier" ? "midden" : null,
        maxFileSizeMb: code === "postadres" || code === "balie-stadhuis" ? null : 10,
        allowedFileTypes: code === "postadres" || code === "balie-stadhuis" ? [] : ["pdf", "jpg", "png"],
      });
      missing--;
    }
  }
  for (let i = 0; i < values.length; i += 500) await db.insert(channelDesignations).values(values.slice(i, i + 500));

  const [{ n: finalProducts } = { n: 0 }] = await db.select({ n: count() }).from(products);
  const [{ n: finalDesignations } = { n: 0 }] = await db.select({ n: count() }).from(channelDesignations);
  await closeDatabase();
  console.log(`Bench catalogue: ${finalProducts} products, ${finalDesignations} designations (${added.length} products and ${values.length} designations added).`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
