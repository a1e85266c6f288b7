import { sql } from "drizzle-orm";
import { boolean, check, date, index, integer, pgTable, text, timestamp, uuid } from "drizzle-orm/pg-core";
import { messageTypes, products } from "./catalogue";
import { staffUsers } from "./identity";

/** The kinds of channel (kanaal): the portal's web form, a reply in the inbox, an e-mail address, a postal address, the counter. */
export const channelKinds = ["portal-form", "inbox-reply", "email", "post", "counter"] as const;
export type ChannelKind = (typeof channelKinds)[number];

/** A way to send a message to the municipality, with where it is (address, e-mail address, web address). */
export const channels = pgTable("channels", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** A stable key for seeds and scripts, e.g. "portaal-webformulier". */
  code: text("code").notNull().unique(),
  kind: text("kind", { enum: channelKinds }).notNull(),
  nameNl: text("name_nl").notNull(),
  nameEn: text("name_en").notNull(),
  /** The e-mail address, postal address, counter address or web address. */
  address: text("address").notNull(),
  detailsNl: text("details_nl"),
  detailsEn: text("details_en"),
  active: boolean("active").notNull().default(true),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export type Channel = typeof channels.$inferSelect;

/**
 * A designation (aanwijzing, Awb 2:13): this channel takes this product's message type, from
 * `validFrom` up to and including `validTo` (null: until further notice), by a published
 * decision, under conditions. History is kept: a designation is ended (validTo set), never
 * deleted or changed otherwise.
 */
export const channelDesignations = pgTable(
  "channel_designations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    productId: uuid("product_id")
      .notNull()
      .references(() => products.id),
    messageType: text("message_type", { enum: messageTypes }).notNull(),
    channelId: uuid("channel_id")
      .notNull()
      .references(() => channels.id),
    validFrom: date("valid_from", { mode: "string" }).notNull(),
    /** The last day in force; null: until further notice. */
    validTo: date("valid_to", { mode: "string" }),
    decisionTitle: text("decision_title").notNull(),
    decisionDate: date("decision_date", { mode: "string" }).notNull(),
    decisionUrl: text("decision_url"),
    /** The login level asked for on this channel (a DigiD or eHerkenning level); null: none. */
    conditionLevel: text("condition_level"),
    maxFileSizeMb: integer("max_file_size_mb"),
    /** File types accepted, as extensions in lower case, e.g. ["pdf", "jpg"]; empty: no files. */
    allowedFileTypes: text("allowed_file_types").array().notNull().default(sql`'{}'::text[]`),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    createdBy: uuid("created_by").references(() => staffUsers.id),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endedBy: uuid("ended_by").references(() => staffUsers.id),
  },
  (t) => [
    index("channel_designations_lookup_idx").on(t.productId, t.messageType, t.channelId),
    index("channel_designations_in_force_idx").on(t.validFrom, t.validTo),
    check("channel_designations_period", sql`${t.validTo} is null or ${t.validTo} >= ${t.validFrom}`),
  ],
);

export type ChannelDesignation = typeof channelDesignations.$inferSelect;
