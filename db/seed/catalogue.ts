import { and, eq, inArray, isNotNull, isNull, notExists, sql } from "drizzle-orm";
import type { DbOrTx } from "../index";
import { channelDesignations, channels, productChanges, productMessageTypes, products, type MessageType, type NewProduct } from "../schema";

/**
 * The demo catalogue of Gemeente Voorbeeldstad: products with their message types, terms and
 * login levels, the channels, and the designations by the (made-up) decision "Besluit
 * elektronisch verkeer gemeente Voorbeeldstad 2026". Idempotent and non-destructive:
 * - products and channels are added by their natural key (slug, code) when missing;
 * - a product's details and message types are filled in only when it has none yet and no admin
 *   ever changed it (so a database seeded with the first eight products gets the details at
 *   the next seed, and an admin's edits are never undone);
 * - a designation is added only when its product, message type and channel have none at all.
 */

type DemoProduct = NewProduct & {
  slug: string;
  types: { type: MessageType; official: boolean; channels: DemoDesignation[] }[];
};
interface DemoDesignation {
  channel: string;
  level?: string;
  maxMb?: number;
  files?: string[];
  from?: string;
  to?: string;
}

export const DEMO_DECISION = {
  title: "Besluit elektronisch verkeer gemeente Voorbeeldstad 2026",
  date: "2025-12-16",
  url: "https://www.voorbeeldstad.example/regelgeving/besluit-elektronisch-verkeer-2026",
  validFrom: "2026-01-01",
};

export const demoChannels = [
  { code: "portaal-webformulier", kind: "portal-form", nameNl: "Webformulier in MijnOmgeving", nameEn: "Web form in MijnOmgeving", address: "https://mijn.voorbeeldstad.example", detailsNl: "Log in, kies het product en vul het formulier in. U krijgt direct een bevestiging.", detailsEn: "Log in, choose the product and fill in the form. You get a confirmation at once." },
  { code: "berichtenbox-antwoord", kind: "inbox-reply", nameNl: "Antwoord in de berichtenbox", nameEn: "Reply in the inbox", address: "MijnOmgeving, Berichten", detailsNl: "Beantwoord het bericht van de gemeente met de knop Reageren.", detailsEn: "Answer the municipality's message with the Reply button." },
  { code: "bezwaar-email", kind: "email", nameNl: "E-mail bezwaarschriften", nameEn: "E-mail for objections", address: "bezwaar@voorbeeldstad.example", detailsNl: "Zet uw naam, adres, de datum en uw handtekening of een scan daarvan in de e-mail of bijlage.", detailsEn: "Include your name, address, the date and your signature or a scan of it." },
  { code: "klachten-email", kind: "email", nameNl: "E-mail klachten", nameEn: "E-mail for complaints", address: "klachten@voorbeeldstad.example", detailsNl: null, detailsEn: null },
  { code: "inspraak-email", kind: "email", nameNl: "E-mail zienswijzen", nameEn: "E-mail for views", address: "inspraak@voorbeeldstad.example", detailsNl: "Noem het ontwerpbesluit waarop u reageert.", detailsEn: "Name the draft decision you respond to." },
  { code: "woo-email", kind: "email", nameNl: "E-mail Woo-verzoeken", nameEn: "E-mail for Woo requests", address: "woo@voorbeeldstad.example", detailsNl: null, detailsEn: null },
  { code: "postadres", kind: "post", nameNl: "Post", nameEn: "Post", address: "Gemeente Voorbeeldstad, Postbus 1234, 1230 AA Voorbeeldstad", detailsNl: "Een postzegel is niet nodig bij een antwoordnummer op de brief die u kreeg.", detailsEn: null },
  { code: "balie-stadhuis", kind: "counter", nameNl: "Balie in het stadhuis", nameEn: "Counter at the town hall", address: "Stadhuisplein 1, 1234 AB Voorbeeldstad", detailsNl: "Op werkdagen van 9.00 tot 17.00 uur. Een medewerker helpt u het formulier in te vullen.", detailsEn: "Weekdays 9:00 to 17:00. Staff help you fill in the form." },
] as const;

const files = ["pdf", "jpg", "png"];
const docs = ["pdf", "jpg", "png", "docx"];

export const demoCatalogue: DemoProduct[] = [
  {
    slug: "verhuizing-doorgeven", topic: "wonen", sortOrder: 10,
    nameNl: "Verhuizing doorgeven", nameEn: "Report a change of address",
    summaryNl: "Gaat u verhuizen binnen of naar de gemeente? Geef uw nieuwe adres door.", summaryEn: "Moving within or into the municipality? Tell us your new address.",
    uplName: "Verhuizing binnen gemeente",
    descriptionNl: "Verhuist u? Geef uw nieuwe adres door. Dat kan vanaf 4 weken voor de verhuizing tot 5 dagen erna. Wij zetten uw adres in de Basisregistratie Personen. Verhuist u met uw gezin? Dan kunt u ook de verhuizing van uw gezinsleden doorgeven.",
    descriptionEn: "Moving house? Tell us your new address, from 4 weeks before until 5 days after the move. We record it in the Personal Records Database. You can also report the move of your family members.",
    audience: "residents", residentLevel: "midden", businessLevel: null,
    decisionTermAmount: null, decisionTermUnit: null, decisionTermKind: null, atwApplies: true,
    receiptRoute: "portal-and-email", copyGiven: true, legalBasis: "Wet basisregistratie personen, artikel 2.39",
    types: [{ type: "melding", official: true, channels: [{ channel: "portaal-webformulier", level: "midden", maxMb: 10, files }, { channel: "balie-stadhuis" }] }],
  },
  {
    slug: "parkeervergunning-bewoners", topic: "wonen", sortOrder: 20,
    nameNl: "Parkeervergunning voor bewoners", nameEn: "Residents' parking permit",
    summaryNl: "Vraag een vergunning aan om in uw eigen wijk te parkeren.", summaryEn: "Apply for a permit to park in your own neighbourhood.",
    uplName: "Parkeervergunning bewoners",
    descriptionNl: "Woont u in een wijk waar u betaalt voor parkeren? Met een parkeervergunning parkeert u in uw eigen wijk. U heeft het kenteken van uw auto nodig. De auto staat op uw naam, of u mag hem van uw werkgever gebruiken.",
    descriptionEn: "Do you live in an area with paid parking? With a permit you park in your own area. You need your car's registration number. The car is yours, or your employer lets you use it.",
    audience: "residents", residentLevel: "midden", businessLevel: null,
    decisionTermAmount: 8, decisionTermUnit: "weeks", decisionTermKind: "default", atwApplies: true,
    receiptRoute: "portal-and-email", copyGiven: true, legalBasis: "Parkeerverordening Voorbeeldstad 2026, artikel 3",
    types: [
      { type: "aanvraag", official: true, channels: [{ channel: "portaal-webformulier", level: "midden", maxMb: 10, files }, { channel: "postadres" }] },
      { type: "vraag", official: false, channels: [{ channel: "portaal-webformulier", level: "basis", maxMb: 5, files }] },
    ],
  },
  {
    slug: "omgevingsvergunning-kap", topic: "wonen", sortOrder: 30,
    nameNl: "Omgevingsvergunning voor het kappen van een boom", nameEn: "Permit to cut down a tree",
    summaryNl: "U wilt een boom kappen. Soms heeft u daarvoor een vergunning nodig.", summaryEn: "You want to cut down a tree. Sometimes you need a permit for that.",
    uplName: "Omgevingsvergunning kappen",
    descriptionNl: "Wilt u een boom kappen met een stam dikker dan 20 centimeter? Dan heeft u meestal een vergunning nodig. Stuur een foto van de boom en een tekening van waar hij staat. Buren kunnen een zienswijze geven.",
    descriptionEn: "Want to cut down a tree with a trunk wider than 20 centimetres? You usually need a permit. Send a photo of the tree and a drawing of where it stands.",
    audience: "both", residentLevel: "midden", businessLevel: "eh3",
    decisionTermAmount: 8, decisionTermUnit: "weeks", decisionTermKind: "statutory", atwApplies: true,
    receiptRoute: "portal-and-email", copyGiven: true, legalBasis: "Omgevingswet, artikel 16.64",
    types: [
      { type: "aanvraag", official: true, channels: [{ channel: "portaal-webformulier", level: "midden", maxMb: 25, files }, { channel: "postadres" }] },
      { type: "aanvulling", official: true, channels: [{ channel: "berichtenbox-antwoord", level: "midden", maxMb: 25, files }, { channel: "postadres" }] },
    ],
  },
  {
    slug: "bijzondere-bijstand", topic: "geld-en-werk", sortOrder: 10,
    nameNl: "Bijzondere bijstand", nameEn: "Special assistance",
    summaryNl: "Heeft u onverwachte kosten die u niet kunt betalen? Vraag bijzondere bijstand aan.", summaryEn: "Unexpected costs you cannot pay? Apply for special assistance.",
    uplName: "Bijzondere bijstand",
    descriptionNl: "Heeft u een laag inkomen en onverwachte kosten, bijvoorbeeld voor een bril, een wasmachine of een verhuizing? Dan kunt u bijzondere bijstand aanvragen. Vraag het aan voordat u de kosten maakt. Stuur de offerte of rekening mee.",
    descriptionEn: "Low income and unexpected costs, for example glasses, a washing machine or a move? Apply for special assistance, before you make the costs. Send the quote or bill.",
    audience: "residents", residentLevel: "midden", businessLevel: null,
    decisionTermAmount: 8, decisionTermUnit: "weeks", decisionTermKind: "default", atwApplies: true,
    receiptRoute: "portal-and-email", copyGiven: true, legalBasis: "Participatiewet, artikel 35",
    types: [
      { type: "aanvraag", official: true, channels: [{ channel: "portaal-webformulier", level: "midden", maxMb: 10, files }, { channel: "postadres" }, { channel: "balie-stadhuis" }] },
      { type: "aanvulling", official: true, channels: [{ channel: "berichtenbox-antwoord", level: "midden", maxMb: 10, files }, { channel: "postadres" }] },
    ],
  },
  {
    slug: "kwijtschelding-belastingen", topic: "geld-en-werk", sortOrder: 20,
    nameNl: "Kwijtschelding gemeentelijke belastingen", nameEn: "Remission of municipal taxes",
    summaryNl: "Kunt u de gemeentelijke belastingen niet betalen? Vraag kwijtschelding aan.", summaryEn: "Unable to pay municipal taxes? Apply for remission.",
    uplName: "Kwijtschelding gemeentelijke belastingen",
    descriptionNl: "Heeft u weinig geld en geen spaargeld? Dan hoeft u de afvalstoffenheffing en rioolheffing misschien niet te betalen. Vraag kwijtschelding aan binnen 3 maanden na de datum op de aanslag.",
    descriptionEn: "Little income and no savings? You may not have to pay the waste and sewerage charges. Apply within 3 months of the date on the tax bill.",
    audience: "residents", residentLevel: "midden", businessLevel: null,
    decisionTermAmount: 8, decisionTermUnit: "weeks", decisionTermKind: "default", atwApplies: true,
    receiptRoute: "portal-and-email", copyGiven: true, legalBasis: "Invorderingswet 1990, artikel 26",
    types: [
      { type: "aanvraag", official: true, channels: [{ channel: "portaal-webformulier", level: "midden", maxMb: 10, files }, { channel: "postadres" }, { channel: "balie-stadhuis", to: "2026-03-31" }] },
    ],
  },
  {
    slug: "melding-openbare-ruimte", topic: "buurt", sortOrder: 10,
    nameNl: "Melding openbare ruimte", nameEn: "Report a problem in a public space",
    summaryNl: "Ziet u een kapotte lantaarnpaal, zwerfvuil of een losse stoeptegel? Meld het ons.", summaryEn: "A broken street light, litter or a loose paving stone? Let us know.",
    uplName: "Melding openbare ruimte",
    descriptionNl: "Ziet u iets kapot of vies op straat, in het park of op de stoep? Meld het. Zeg waar het is en stuur als het kan een foto mee. U hoeft niet in te loggen. Wilt u horen wat wij ermee doen? Laat dan uw e-mailadres achter.",
    descriptionEn: "See something broken or dirty in the street, park or pavement? Report it. Say where it is and add a photo if you can. No login needed.",
    audience: "both", residentLevel: null, businessLevel: null,
    decisionTermAmount: null, decisionTermUnit: null, decisionTermKind: null, atwApplies: false,
    receiptRoute: "email", copyGiven: false, legalBasis: null,
    types: [{ type: "melding", official: false, channels: [{ channel: "portaal-webformulier", maxMb: 5, files: ["jpg", "png"] }] }],
  },
  {
    slug: "bezwaar-maken", topic: "bezwaar-en-klacht", sortOrder: 10,
    nameNl: "Bezwaar maken tegen een besluit", nameEn: "Object to a decision",
    summaryNl: "Bent u het niet eens met een besluit van de gemeente? Maak binnen 6 weken bezwaar.", summaryEn: "Do you disagree with a decision of the municipality? Object within 6 weeks.",
    uplName: "Bezwaar",
    descriptionNl: "Bent u het niet eens met een besluit van de gemeente? Dan kunt u bezwaar maken. Doe dat binnen 6 weken na de dag waarop u het besluit kreeg. Schrijf op tegen welk besluit u bezwaar maakt en waarom. Zet uw naam, adres en de datum erbij.",
    descriptionEn: "Disagree with a decision of the municipality? You can object within 6 weeks of the day you received it. Say which decision you object to and why, with your name, address and the date.",
    audience: "both", residentLevel: "basis", businessLevel: "eh2+",
    decisionTermAmount: 6, decisionTermUnit: "weeks", decisionTermKind: "statutory", atwApplies: true,
    receiptRoute: "portal-and-email", copyGiven: true, legalBasis: "Algemene wet bestuursrecht, artikel 6:4 en 7:10",
    types: [
      {
        type: "bezwaar", official: true,
        channels: [{ channel: "portaal-webformulier", level: "basis", maxMb: 20, files: docs }, { channel: "berichtenbox-antwoord", level: "basis", maxMb: 20, files: docs }, { channel: "bezwaar-email", maxMb: 20, files: docs }, { channel: "postadres" }],
      },
    ],
  },
  {
    slug: "klacht-indienen", topic: "bezwaar-en-klacht", sortOrder: 20,
    nameNl: "Klacht indienen", nameEn: "Make a complaint",
    summaryNl: "Bent u niet tevreden over hoe de gemeente u heeft behandeld? Dien een klacht in.", summaryEn: "Unhappy with how the municipality treated you? Make a complaint.",
    uplName: "Klacht",
    descriptionNl: "Bent u niet tevreden over hoe een medewerker of de gemeente u heeft behandeld? Dien een klacht in. Schrijf op wat er gebeurde, wanneer, en wie erbij was. Wij nemen eerst contact met u op om het samen op te lossen.",
    descriptionEn: "Unhappy with how staff or the municipality treated you? Make a complaint. Say what happened, when, and who was there. We first contact you to solve it together.",
    audience: "both", residentLevel: "basis", businessLevel: "eh2",
    decisionTermAmount: 6, decisionTermUnit: "weeks", decisionTermKind: "statutory", atwApplies: true,
    receiptRoute: "portal-and-email", copyGiven: true, legalBasis: "Algemene wet bestuursrecht, artikel 9:11",
    types: [{ type: "klacht", official: true, channels: [{ channel: "portaal-webformulier", level: "basis", maxMb: 10, files: docs }, { channel: "klachten-email", maxMb: 10, files: docs }, { channel: "postadres" }, { channel: "balie-stadhuis" }] }],
  },
  {
    slug: "zienswijze-ontwerpbesluit", topic: "bezwaar-en-klacht", sortOrder: 30,
    nameNl: "Zienswijze geven op een ontwerpbesluit", nameEn: "Give your view on a draft decision",
    summaryNl: "Wil de gemeente iets besluiten dat u raakt? Geef uw mening voordat het besluit vastligt.", summaryEn: "Is the municipality about to decide something that affects you? Give your view first.",
    uplName: "Zienswijze",
    descriptionNl: "Bij sommige besluiten legt de gemeente eerst een ontwerp ter inzage, bijvoorbeeld een bestemmingsplan of een grote vergunning. U kunt dan 6 weken lang uw mening geven: een zienswijze. Noem het ontwerpbesluit en schrijf op wat u ervan vindt.",
    descriptionEn: "For some decisions the municipality first publishes a draft. For 6 weeks you can give your view on it. Name the draft decision and say what you think.",
    audience: "both", residentLevel: "basis", businessLevel: "eh2",
    decisionTermAmount: 6, decisionTermUnit: "months", decisionTermKind: "statutory", atwApplies: false,
    receiptRoute: "portal-and-email", copyGiven: true, legalBasis: "Algemene wet bestuursrecht, afdeling 3.4 (artikel 3:15 en 3:18)",
    types: [{ type: "zienswijze", official: true, channels: [{ channel: "portaal-webformulier", level: "basis", maxMb: 20, files: docs }, { channel: "inspraak-email", maxMb: 20, files: docs }, { channel: "postadres" }] }],
  },
  {
    slug: "evenementenvergunning", topic: "ondernemen", sortOrder: 10,
    nameNl: "Evenementenvergunning", nameEn: "Event permit",
    summaryNl: "Organiseert u een feest, markt of optreden op straat? Vraag een vergunning aan.", summaryEn: "Organising a party, market or performance in public? Apply for a permit.",
    uplName: "Evenementenvergunning",
    descriptionNl: "Organiseert u een evenement op een openbare plek, zoals een buurtfeest, braderie of concert? Dan heeft u vaak een vergunning nodig. Vraag hem minstens 8 weken van tevoren aan. Stuur een plattegrond en een veiligheidsplan mee.",
    descriptionEn: "Organising an event in a public place, such as a street party, fair or concert? You often need a permit. Apply at least 8 weeks ahead, with a site plan and a safety plan.",
    audience: "both", residentLevel: "midden", businessLevel: "eh3",
    decisionTermAmount: 8, decisionTermUnit: "weeks", decisionTermKind: "default", atwApplies: true,
    receiptRoute: "portal-and-email", copyGiven: true, legalBasis: "Algemene plaatselijke verordening Voorbeeldstad, artikel 2:25",
    types: [
      { type: "aanvraag", official: true, channels: [{ channel: "portaal-webformulier", level: "midden", maxMb: 50, files: docs }, { channel: "postadres" }] },
      { type: "aanvulling", official: true, channels: [{ channel: "berichtenbox-antwoord", level: "midden", maxMb: 50, files: docs }, { channel: "postadres" }] },
      { type: "vraag", official: false, channels: [{ channel: "portaal-webformulier", maxMb: 5, files }] },
    ],
  },
  {
    slug: "woo-verzoek", topic: "overig", sortOrder: 10,
    nameNl: "Woo-verzoek: documenten van de gemeente opvragen", nameEn: "Woo request: ask for the municipality's documents",
    summaryNl: "Wilt u documenten van de gemeente inzien? Doe een verzoek op grond van de Wet open overheid.", summaryEn: "Want to see the municipality's documents? Make a request under the Open Government Act.",
    uplName: "Verzoek om informatie (Woo)",
    descriptionNl: "Iedereen mag de gemeente vragen om documenten over een onderwerp, bijvoorbeeld e-mails of rapporten. Dat heet een Woo-verzoek. U hoeft niet te zeggen waarom. Beschrijf zo precies mogelijk welke documenten u wilt hebben.",
    descriptionEn: "Anyone may ask the municipality for documents on a subject, such as e-mails or reports. You do not have to say why. Describe as precisely as you can which documents you want.",
    audience: "both", residentLevel: null, businessLevel: null,
    decisionTermAmount: 4, decisionTermUnit: "weeks", decisionTermKind: "statutory", atwApplies: true,
    receiptRoute: "portal-and-email", copyGiven: true, legalBasis: "Wet open overheid, artikel 4.1 en 4.4",
    types: [{ type: "aanvraag", official: true, channels: [{ channel: "portaal-webformulier", maxMb: 10, files: docs }, { channel: "woo-email", maxMb: 10, files: docs }, { channel: "postadres" }] }],
  },
  {
    slug: "ingebrekestelling", topic: "bezwaar-en-klacht", sortOrder: 40,
    nameNl: "Ingebrekestelling: de gemeente beslist te laat", nameEn: "Notice of default: the municipality decides too late",
    summaryNl: "Heeft de gemeente niet op tijd beslist op uw aanvraag of bezwaar? Stel de gemeente in gebreke.", summaryEn: "Has the municipality not decided on time? Give it notice of default.",
    uplName: "Ingebrekestelling",
    descriptionNl: "Is de beslistermijn voorbij en heeft u nog geen besluit? Stuur dan een ingebrekestelling. De gemeente heeft daarna nog 2 weken. Beslist zij dan nog niet, dan krijgt u soms een dwangsom. Noem uw aanvraag of bezwaar en de datum waarop u die stuurde.",
    descriptionEn: "Has the decision term passed without a decision? Send a notice of default. The municipality then has 2 more weeks; after that you may get a penalty payment.",
    audience: "both", residentLevel: "basis", businessLevel: "eh2+",
    decisionTermAmount: 2, decisionTermUnit: "weeks", decisionTermKind: "statutory", atwApplies: true,
    receiptRoute: "portal-and-email", copyGiven: true, legalBasis: "Algemene wet bestuursrecht, artikel 4:17",
    types: [{ type: "ingebrekestelling", official: true, channels: [{ channel: "portaal-webformulier", level: "basis", maxMb: 10, files: docs }, { channel: "berichtenbox-antwoord", level: "basis", maxMb: 10, files: docs }, { channel: "postadres" }] }],
  },
  {
    slug: "aanvulling-aanvraag", topic: "overig", sortOrder: 20,
    nameNl: "Aanvulling op een aanvraag sturen", nameEn: "Send a supplement to an application",
    summaryNl: "Heeft de gemeente om meer informatie gevraagd, of wilt u iets toevoegen? Stuur een aanvulling.", summaryEn: "Did the municipality ask for more information, or do you want to add something? Send a supplement.",
    uplName: null,
    descriptionNl: "Vraagt de gemeente u om meer informatie bij uw aanvraag? Of wilt u zelf iets toevoegen? Stuur dan een aanvulling. Noem het zaaknummer van uw aanvraag. Stuur het op tijd: na de datum in de brief kan de gemeente uw aanvraag niet meer behandelen.",
    descriptionEn: "Has the municipality asked for more information about your application, or do you want to add something? Send a supplement with your case number, before the date in the letter.",
    audience: "both", residentLevel: "midden", businessLevel: "eh3",
    decisionTermAmount: 8, decisionTermUnit: "weeks", decisionTermKind: "default", atwApplies: true,
    receiptRoute: "portal-and-email", copyGiven: true, legalBasis: "Algemene wet bestuursrecht, artikel 4:5",
    types: [{ type: "aanvulling", official: true, channels: [{ channel: "berichtenbox-antwoord", level: "midden", maxMb: 25, files: docs }, { channel: "portaal-webformulier", level: "midden", maxMb: 25, files: docs }, { channel: "postadres" }] }],
  },
];

/** The product rows of the demo catalogue, without the seed-only fields. */
export const demoProducts: NewProduct[] = demoCatalogue.map(({ types: _types, ...product }) => product);

/** Seeds the demo catalogue; returns how many products were added. */
export async function seedDemoCatalogue(db: DbOrTx): Promise<{ productsAdded: number }> {
  const added = await db.insert(products).values(demoProducts).onConflictDoNothing({ target: products.slug }).returning({ id: products.id, slug: products.slug });
  await db.insert(channels).values([...demoChannels]).onConflictDoNothing({ target: channels.code });

  // Products no admin has touched: fill in their details once (the first eight came without them).
  const untouched = await db
    .select({ id: products.id, slug: products.slug, described: isNotNull(products.descriptionNl).mapWith(Boolean) })
    .from(products)
    .where(
      and(
        inArray(
          products.slug,
          demoCatalogue.map((p) => p.slug),
        ),
        notExists(db.select({ one: sql`1` }).from(productChanges).where(and(eq(productChanges.productId, products.id), isNotNull(productChanges.staffUserId)))),
      ),
    );
  const byId = new Map(untouched.map((p) => [p.slug, p]));
  const channelIds = new Map((await db.select({ id: channels.id, code: channels.code }).from(channels)).map((c) => [c.code, c.id]));
  const withTypes = new Set((await db.selectDistinct({ productId: productMessageTypes.productId }).from(productMessageTypes)).map((r) => r.productId));
  const designated = new Set(
    (await db.selectDistinct({ productId: channelDesignations.productId, messageType: channelDesignations.messageType, channelId: channelDesignations.channelId }).from(channelDesignations)).map(
      (r) => `${r.productId}/${r.messageType}/${r.channelId}`,
    ),
  );

  for (const demo of demoCatalogue) {
    const row = byId.get(demo.slug);
    if (!row) continue;
    if (!row.described) {
      const { types: _types, slug: _slug, ...fields } = demo;
      await db.update(products).set(fields).where(and(eq(products.id, row.id), isNull(products.descriptionNl)));
    }
    if (!withTypes.has(row.id)) {
      await db
        .insert(productMessageTypes)
        .values(demo.types.map((t) => ({ productId: row.id, messageType: t.type, official: t.official })))
        .onConflictDoNothing();
    }
    for (const type of demo.types) {
      for (const d of type.channels) {
        const channelId = channelIds.get(d.channel);
        if (!channelId || designated.has(`${row.id}/${type.type}/${channelId}`)) continue;
        await db.insert(channelDesignations).values({
          productId: row.id,
          messageType: type.type,
          channelId,
          validFrom: d.from ?? DEMO_DECISION.validFrom,
          validTo: d.to ?? null,
          decisionTitle: DEMO_DECISION.title,
          decisionDate: DEMO_DECISION.date,
          decisionUrl: DEMO_DECISION.url,
          conditionLevel: d.level ?? null,
          maxFileSizeMb: d.maxMb ?? null,
          allowedFileTypes: d.files ?? [],
        });
      }
    }
  }
  for (const p of added) await db.insert(productChanges).values({ productId: p.id, staffUserId: null, kind: "created", before: {}, after: { slug: p.slug, source: "demo-seed" } });
  return { productsAdded: added.length };
}
