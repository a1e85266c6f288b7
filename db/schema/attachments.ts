import { customType, integer, pgTable, primaryKey, text, timestamp } from "drizzle-orm/pg-core";

const bytea = customType<{ data: Uint8Array; driverData: Uint8Array }>({
  dataType: () => "bytea",
  toDriver: (value) => Buffer.from(value.buffer, value.byteOffset, value.byteLength),
  fromDriver: (value) => (value instanceof Uint8Array ? value : new Uint8Array(value as ArrayBufferLike)),
});

/**
 * Attachment bytes kept in the database (ATTACHMENT_STORE=database): for deployments with several
 * web servers and no shared folder or object storage. A file is written as chunks while it
 * arrives; it exists for readers only once its row in `stored_blobs` is written, after the last
 * chunk. Chunks without that row (an upload that broke off) are deleted by a cleanup job.
 */
export const blobChunks = pgTable(
  "blob_chunks",
  {
    key: text("key").notNull(),
    seq: integer("seq").notNull(),
    bytes: bytea("bytes").notNull(),
    writtenAt: timestamp("written_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.key, t.seq] })],
);

export const storedBlobs = pgTable("stored_blobs", {
  key: text("key").primaryKey(),
  size: integer("size").notNull(),
  sha256: text("sha256").notNull(),
  chunks: integer("chunks").notNull(),
  storedAt: timestamp("stored_at", { withTimezone: true }).notNull().defaultNow(),
});
