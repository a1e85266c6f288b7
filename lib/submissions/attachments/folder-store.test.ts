import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { folderBlobStore } from "./folder-store";
import { AttachmentRefusedError, type BlobStore } from "./store";

const PDF_HEAD = Buffer.from("%PDF-1.7\n");

/** A file of `size` bytes that starts with `head`, delivered in chunks of `chunkSize`, generated as it is read. */
async function* generated(head: Buffer, size: number, chunkSize = 64 * 1024): AsyncGenerator<Uint8Array> {
  let sent = 0;
  while (sent < size) {
    const length = Math.min(chunkSize, size - sent);
    const chunk = Buffer.alloc(length, 0x41 + ((sent / chunkSize) % 26));
    if (sent === 0) head.copy(chunk, 0, 0, Math.min(head.length, length));
    sent += length;
    yield chunk;
  }
}

async function collect(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of source) parts.push(Buffer.from(part));
  return Buffer.concat(parts);
}

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

describe("folderBlobStore", () => {
  let root: string;
  let store: BlobStore;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), "bijlagen-"));
    store = folderBlobStore(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("stores a file streamed in chunks, with its size, type and SHA-256, and gives the same bytes back", async () => {
    const size = 3 * 1024 * 1024 + 123;
    const expected = await collect(generated(PDF_HEAD, size));
    const stored = await store.put(generated(PDF_HEAD, size), { maxBytes: 5 * 1024 * 1024 });
    expect(stored).toMatchObject({ size, type: "pdf", sha256: createHash("sha256").update(expected).digest("hex") });
    expect(stored.key).toMatch(/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/);
    expect((await collect(store.open(stored.key))).equals(expected)).toBe(true);
    expect(filesUnder(root)).toHaveLength(1);
  });

  it("decides the type from the content when the first chunks are tiny", async () => {
    async function* dribble() {
      for (const byte of Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(5000, 1)])) yield Buffer.from([byte]);
    }
    const stored = await store.put(dribble(), { maxBytes: 10_000 });
    expect(stored).toMatchObject({ type: "png", size: 5008 });
  });

  it("accepts a file exactly at the limit and refuses one byte more, leaving nothing behind", async () => {
    await expect(store.put(generated(PDF_HEAD, 100_000), { maxBytes: 100_000 })).resolves.toMatchObject({ size: 100_000 });
    const refused = store.put(generated(PDF_HEAD, 100_001), { maxBytes: 100_000 });
    await expect(refused).rejects.toBeInstanceOf(AttachmentRefusedError);
    await expect(refused).rejects.toMatchObject({ refusal: { reason: "too-large", maxBytes: 100_000 } });
    expect(filesUnder(root)).toHaveLength(1);
  });

  it("stops reading a file as soon as it is too large", async () => {
    let produced = 0;
    async function* endless() {
      for (;;) {
        produced += 65_536;
        yield Buffer.concat([PDF_HEAD, Buffer.alloc(65_536 - PDF_HEAD.length)]);
      }
    }
    await expect(store.put(endless(), { maxBytes: 1_000_000 })).rejects.toMatchObject({ refusal: { reason: "too-large" } });
    expect(produced).toBeLessThanOrEqual(1_000_000 + 65_536);
    expect(filesUnder(root)).toHaveLength(0);
  });

  it("refuses a program whatever its name, an empty file, and a type the channel does not allow", async () => {
    await expect(store.put(generated(Buffer.from("MZ\x90\x00\x03"), 10_000), { maxBytes: 1e6 })).rejects.toMatchObject({ refusal: { reason: "type-unknown" } });
    await expect(store.put(generated(PDF_HEAD, 0), { maxBytes: 1e6 })).rejects.toMatchObject({ refusal: { reason: "empty" } });
    await expect(store.put(generated(Buffer.from([0xff, 0xd8, 0xff, 0xe0]), 10_000), { maxBytes: 1e6, allowedTypes: ["pdf"] })).rejects.toMatchObject({
      refusal: { reason: "type-not-allowed", detected: "jpeg", allowed: ["pdf"] },
    });
    expect(filesUnder(root)).toHaveLength(0);
  });

  it("leaves nothing behind when the upload breaks off halfway", async () => {
    async function* broken() {
      yield* generated(PDF_HEAD, 200_000);
      throw new Error("connection reset");
    }
    await expect(store.put(broken(), { maxBytes: 1e6 })).rejects.toThrow("connection reset");
    expect(filesUnder(root)).toHaveLength(0);
  });

  it("removes a stored file and refuses keys that could leave its folder", async () => {
    const stored = await store.put(generated(PDF_HEAD, 1000), { maxBytes: 1e6 });
    await store.remove(stored.key);
    await store.remove(stored.key);
    expect(filesUnder(root)).toHaveLength(0);
    expect(() => store.open("../../etc/passwd")).toThrow("invalid attachment key");
  });
});
