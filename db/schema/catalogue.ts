import { sql } from "drizzle-orm";
import { boolean, check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { digidLevels, eherkenningLevels } from "../../lib/auth/levels";
import { staffUsers } from "./identity";

/** Who may use a product: residents (DigiD), businesses (eHerkenning) or both. */
export const audiences = ["residents", "businesses", "both"] as const;
export type Audience = (typeof audiences)[number];

/**
 * The kinds of message a product takes (berichttypen). Glossary: aanvraag = application,
 * aanvulling = supplement, bezwaar = objection, klacht = complaint, zienswijze = view,
 * ingebrekestelling = notice of default, melding = report, vraag = question. Stored by their
 * Dutch name, as the law and the public register use them.
 */
export const messageTypes = ["aanvraag", "aanvulling", "bezwaar", "klacht", "zienswijze", "ingebrekestelling", "melding", "vraag"] as const;
export type MessageType = (typeof messageTypes)[number];

export const termUnits = ["days", "weeks", "months"] as const;
export type TermUnit = (typeof termUnits)[number];

/** Statutory: a law sets the decision term. Default: none does, so Awb 4:13 (8 weeks, or what the product records). */
export const termKinds = ["statutory", "default"] as const;
export type TermKind = (typeof termKinds)[number];

/** How a receipt (ontvangstbevestiging) reaches the sender. */
export const receiptRoutes = ["portal-and-email", "portal", "email", "post"] as const;
export type ReceiptRoute = (typeof receiptRoutes)[number];

/**
 * Products (diensten) of the municipality's catalogue. Products are data, not code: admins keep
 * their message types, terms, login levels and channels. A product that was used is deactivated,
 * never deleted; every change is kept in product_changes.
 */
export const products = pgTable(
  "products",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull().unique(),
    nameNl: text("name_nl").notNull(),
    nameEn: text("name_en").notNull(),
    summaryNl: text("summary_nl").notNull(),
    summaryEn: text("summary_en").notNull(),
    /** Topic used to group products on the home page, e.g. "wonen", "paspoort-en-id". */
    topic: text("topic").notNull(),
    sortOrder: integer("sort_order").notNull().default(0),
    active: boolean("active").notNull().default(true),
    /** The name on the national product list (Uniforme Productnamenlijst), where one exists. */
    uplName: text("upl_name"),
    /** What the product is, in plain language (B1); null until written (a Wmebv checklist gap). */
    descriptionNl: text("description_nl"),
    descriptionEn: text("description_en"),
    audience: text("audience", { enum: audiences }).notNull().default("both"),
    /** The DigiD level residents need; null: no login needed. */
    residentLevel: text("resident_level", { enum: digidLevels }),
    /** The eHerkenning level businesses need; null: no login needed. */
    businessLevel: text("business_level", { enum: eherkenningLevels }),
    /** The decision term (beslistermijn); null amount: not recorded (a checklist gap). */
    decisionTermAmount: integer("decision_term_amount"),
    decisionTermUnit: text("decision_term_unit", { enum: termUnits }),
    decisionTermKind: text("decision_term_kind", { enum: termKinds }),
    /** Whether the Algemene termijnenwet moves the term's end past weekends and holidays. */
    atwApplies: boolean("atw_applies").notNull().default(true),
    receiptRoute: text("receipt_route", { enum: receiptRoutes }).notNull().default("portal-and-email"),
    /** Whether the sender gets a copy of what was sent (Awb 2:17 lid 2). */
    copyGiven: boolean("copy_given").notNull().default(true),
    /** The law or regulation the product rests on, e.g. "Participatiewet, artikel 35". */
    legalBasis: text("legal_basis"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    index("products_active_topic_idx").on(t.active, t.topic, t.sortOrder),
    check("products_term_complete", sql`(${t.decisionTermAmount} is null) = (${t.decisionTermUnit} is null)`),
  ],
);

export type Product = typeof products.$inferSelect;
export type NewProduct = typeof products.$inferInsert;

/** The message types a product takes, each official (Awb 2:13, a designated channel is required) or not (2:14). */
export const productMessageTypes = pgTable(
  "product_message_types",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    messageType: text("message_type", { enum: messageTypes }).notNull(),
    official: boolean("official").notNull(),
  },
  (t) => [uniqueIndex("product_message_types_unique").on(t.productId, t.messageType)],
);

export type ProductMessageType = typeof productMessageTypes.$inferSelect;

/** Every change to a product: who, when, and the fields before and after (only those that changed). */
export const productChanges = pgTable(
  "product_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    /** Null for changes made by the system (the demo seed, a script). */
    staffUserId: uuid("staff_user_id").references(() => staffUsers.id),
    kind: text("kind", { enum: ["created", "updated", "deactivated", "activated"] }).notNull(),
    changedAt: timestamp("changed_at", { withTimezone: true }).notNull().defaultNow(),
    before: jsonb("before").$type<Record<string, unknown>>().notNull(),
    after: jsonb("after").$type<Record<string, unknown>>().notNull(),
  },
  (t) => [index("product_changes_product_idx").on(t.productId, t.changedAt)],
);

export type ProductChange = typeof productChanges.$inferSelect;
