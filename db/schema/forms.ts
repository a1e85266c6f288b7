import { sql } from "drizzle-orm";
import { check, index, integer, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";
import { products } from "./catalogue";
import { staffUsers } from "./identity";

/**
 * Web forms of products, as versioned definitions (lib/catalogue/forms/definition.ts,
 * docs/forms.md). One form per product; its versions are drafts until published, and a
 * published version never changes (the service refuses, and a trigger in the custom migration
 * 0007_form_versions_immutable refuses UPDATE and DELETE of a published row). The current
 * version is the published one with the highest number. Submissions refer to a version id.
 */
export const formDefinitions = pgTable("form_definitions", {
  id: uuid("id").primaryKey().defaultRandom(),
  productId: uuid("product_id")
    .notNull()
    .unique()
    .references(() => products.id),
  createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
});

export const formVersionStatuses = ["draft", "published"] as const;
export type FormVersionStatus = (typeof formVersionStatuses)[number];

export const formVersions = pgTable(
  "form_versions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    formId: uuid("form_id")
      .notNull()
      .references(() => formDefinitions.id),
    version: integer("version").notNull(),
    status: text("status", { enum: formVersionStatuses }).notNull().default("draft"),
    /** The definition as validated by definitionSchema; never changed once published. */
    definition: jsonb("definition").notNull(),
    /** Null when made by the system (the demo seed). */
    createdBy: uuid("created_by").references(() => staffUsers.id),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedBy: uuid("updated_by").references(() => staffUsers.id),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    publishedBy: uuid("published_by").references(() => staffUsers.id),
    publishedAt: timestamp("published_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("form_versions_form_version_unique").on(t.formId, t.version),
    // At most one draft per form: editing a published form makes (or changes) that one draft.
    uniqueIndex("form_versions_one_draft").on(t.formId).where(sql`${t.status} = 'draft'`),
    check("form_versions_published_at", sql`(${t.status} = 'published') = (${t.publishedAt} is not null)`),
    check("form_versions_version_positive", sql`${t.version} > 0`),
  ],
);

export const formChangeKinds = ["draft-created", "draft-updated", "imported", "published"] as const;
export type FormChangeKind = (typeof formChangeKinds)[number];

/** Every change to a form: what, to which version, by whom, when. */
export const formChanges = pgTable(
  "form_changes",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    formId: uuid("form_id")
      .notNull()
      .references(() => formDefinitions.id),
    versionId: uuid("version_id")
      .notNull()
      .references(() => formVersions.id),
    kind: text("kind", { enum: formChangeKinds }).notNull(),
    /** Null when made by the system (the demo seed). */
    staffUserId: uuid("staff_user_id").references(() => staffUsers.id),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("form_changes_form_at_idx").on(t.formId, t.at)],
);

export type FormVersion = typeof formVersions.$inferSelect;
