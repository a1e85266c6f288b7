import { createHash } from "node:crypto";
import { describe, expect, it } from "vitest";
import { schema } from "@/db";
import { CHUNK_BYTES, databaseBlobStore, pruneIncompleteBlobs } from "@/lib/submissions/attachments/database-store";
import { testDatabases, useTestDatabase } from "../support/database";

const { blobChunks, storedBlobs } = schema;

async function* pdfOf(size: number, chunk = 100_000): AsyncGenerator<Uint8Array> {
  let sent = 0;
  while (sent < size) {
    const part = Buffer.alloc(Math.min(chunk, size - sent), (sent / chunk) % 251);
    if (sent === 0) Buffer.from("%PDF-1.7\n").copy(part);
    sent += part.length;
    yield part;
  }
}

async function collect(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of source) parts.push(Buffer.from(part));
  return Buffer.concat(parts);
}

describe.each(testDatabases())("database attachment store on %s", (kind) => {
  const database = useTestDatabase(kind);
  const store = databaseBlobStore();

  it("stores a file in chunks as it arrives and gives back the same bytes", async () => {
    const size = 2 * CHUNK_BYTES + 12_345;
    const expected = await collect(pdfOf(size));
    const stored = await store.put(pdfOf(size), { maxBytes: 10 * 1024 * 1024 });
    expect(stored).toMatchObject({ size, type: "pdf", sha256: createHash("sha256").update(expected).digest("hex") });
    const chunks = await database.db.select({ seq: blobChunks.seq }).from(blobChunks);
    expect(chunks.map((c) => c.seq).sort()).toEqual([0, 1, 2]);
    expect((await collect(store.open(stored.key))).equals(expected)).toBe(true);
  });

  it("leaves no chunk behind when a file is refused halfway", async () => {
    const before = (await database.db.select().from(blobChunks)).length;
    await expect(store.put(pdfOf(3 * CHUNK_BYTES), { maxBytes: CHUNK_BYTES + 10 })).rejects.toMatchObject({ refusal: { reason: "too-large" } });
    expect(await database.db.select().from(blobChunks)).toHaveLength(before);
  });

  it("removes a file, and prunes chunks of uploads that never completed", async () => {
    const stored = await store.put(pdfOf(1000), { maxBytes: 1e6 });
    await store.remove(stored.key);
    expect(await database.db.select().from(storedBlobs)).toHaveLength(1); // the one from the first test
    await database.db.insert(blobChunks).values({ key: "2026/11/00000000-0000-0000-0000-000000000000", seq: 0, bytes: new Uint8Array([1, 2, 3]), writtenAt: new Date("2026-01-01") });
    expect(await pruneIncompleteBlobs(new Date("2026-06-01"))).toBe(1);
    // Chunks of complete files stay, however old.
    expect(await pruneIncompleteBlobs(new Date("2999-01-01"))).toBe(0);
    await expect(collect(store.open(stored.key))).rejects.toThrow("attachment not found");
  });
});
