import { createHash } from "node:crypto";
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { folderBlobStore } from "../submissions/attachments/folder-store";
import type { BlobStore } from "../submissions/attachments/store";
import { discardMessageAttachments, MESSAGE_ATTACHMENT_MAX_BYTES, storeMessageAttachment } from "./attachments";

async function* bytes(...parts: (string | Buffer)[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield typeof part === "string" ? Buffer.from(part) : part;
}

const files = (dir: string) => readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile());

describe("the files sent with a message", () => {
  let root: string;
  let store: BlobStore;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), "berichtbijlagen-"));
    store = folderBlobStore(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("stores a PDF with its type, size and SHA-256, and discards it again", async () => {
    const content = "%PDF-1.7\nbesluit";
    const outcome = await storeMessageAttachment(bytes(content), "besluit.pdf", "nl", store);
    expect(outcome).toEqual({ kind: "stored", attachment: { blobKey: expect.any(String), fileName: "besluit.pdf", fileType: "pdf", sizeBytes: content.length, sha256: createHash("sha256").update(content).digest("hex") } });
    expect(files(root)).toHaveLength(1);
    if (outcome.kind === "stored") await discardMessageAttachments([outcome.attachment], store);
    expect(files(root)).toHaveLength(0);
  });

  it("refuses what is not a PDF by its content, whatever its name, and keeps nothing", async () => {
    const outcome = await storeMessageAttachment(bytes(Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]), "JFIF"), "besluit.pdf", "nl", store);
    expect(outcome).toEqual({ kind: "refused", message: expect.stringContaining("besluit.pdf is een JPG-foto") });
    expect((outcome as { message: string }).message).toContain("PDF");
    expect(files(root)).toHaveLength(0);
  });

  it("refuses an empty file and one over the limit", async () => {
    expect(await storeMessageAttachment(bytes(""), "leeg.pdf", "nl", store)).toMatchObject({ kind: "refused", message: expect.stringContaining("leeg.pdf is leeg") });
    const big = await storeMessageAttachment(bytes("%PDF-1.7\n", Buffer.alloc(MESSAGE_ATTACHMENT_MAX_BYTES)), "groot.pdf", "nl", store);
    expect(big).toMatchObject({ kind: "refused", message: expect.stringContaining("groot.pdf is te groot") });
    expect(files(root)).toHaveLength(0);
  });
});
