import { and, eq, lt, notExists, sql } from "drizzle-orm";
import { blobChunks, storedBlobs } from "@/db/schema/attachments";
import { withDb } from "../../db";
import { newBlobKey, streamInto, type BlobSink, type BlobStore, type StoredBlob, type UploadLimits } from "./store";

/** Bytes per stored chunk: big enough to keep the row count low, small enough to hold in memory. */
export const CHUNK_BYTES = 256 * 1024;

/**
 * Attachments in the portal's own database, in chunks of 256 KiB written while the file
 * arrives: only one chunk is in memory at a time. Readers see a file once it is complete.
 */
export function databaseBlobStore(): BlobStore {
  return {
    kind: "database",

    async put(source: AsyncIterable<Uint8Array>, limits: UploadLimits): Promise<StoredBlob> {
      const key = newBlobKey();
      let pending: Uint8Array[] = [];
      let pendingBytes = 0;
      let seq = 0;
      let size = 0;
      const insert = async (bytes: Uint8Array) => {
        const chunkSeq = seq++;
        await withDb((db) => db.insert(blobChunks).values({ key, seq: chunkSeq, bytes }));
      };
      // Every chunk but the last is exactly CHUNK_BYTES, whatever sizes the upload arrives in.
      const flush = async (all: boolean) => {
        if (pendingBytes === 0 || (!all && pendingBytes < CHUNK_BYTES)) return;
        let buffer = Buffer.concat(pending, pendingBytes);
        while (buffer.length >= CHUNK_BYTES) {
          await insert(buffer.subarray(0, CHUNK_BYTES));
          buffer = buffer.subarray(CHUNK_BYTES);
        }
        if (all && buffer.length > 0) {
          await insert(buffer);
          buffer = Buffer.alloc(0);
        }
        pending = buffer.length > 0 ? [buffer] : [];
        pendingBytes = buffer.length;
      };
      const sink: BlobSink = {
        async write(chunk) {
          size += chunk.length;
          pending.push(chunk);
          pendingBytes += chunk.length;
          await flush(false);
        },
        async commit() {
          await flush(true);
        },
        async abort() {
          pending = [];
          pendingBytes = 0;
          await withDb((db) => db.delete(blobChunks).where(eq(blobChunks.key, key)));
        },
      };
      const stored = await streamInto(source, limits, sink);
      await withDb((db) => db.insert(storedBlobs).values({ key, size, sha256: stored.sha256, chunks: seq }));
      return { key, ...stored };
    },

    open(key: string): AsyncIterable<Uint8Array> {
      return (async function* () {
        const [blob] = await withDb((db) => db.select({ chunks: storedBlobs.chunks }).from(storedBlobs).where(eq(storedBlobs.key, key)));
        if (!blob) throw new Error("attachment not found");
        // One chunk at a time, so a large file is never read whole.
        for (let seq = 0; seq < blob.chunks; seq++) {
          const [chunk] = await withDb((db) => db.select({ bytes: blobChunks.bytes }).from(blobChunks).where(and(eq(blobChunks.key, key), eq(blobChunks.seq, seq))));
          if (!chunk) throw new Error(`attachment chunk ${seq} is missing`);
          yield chunk.bytes;
        }
      })();
    },

    async remove(key: string): Promise<void> {
      await withDb(async (db) => {
        await db.delete(storedBlobs).where(eq(storedBlobs.key, key));
        await db.delete(blobChunks).where(eq(blobChunks.key, key));
      });
    },
  };
}

/** Deletes chunks of uploads that never completed (older than `before`); returns how many chunks. */
export async function pruneIncompleteBlobs(before: Date): Promise<number> {
  return withDb(async (db) => {
    const deleted = await db
      .delete(blobChunks)
      .where(and(lt(blobChunks.writtenAt, before), notExists(db.select({ one: sql`1` }).from(storedBlobs).where(eq(storedBlobs.key, blobChunks.key)))))
      .returning({ key: blobChunks.key });
    return deleted.length;
  });
}
