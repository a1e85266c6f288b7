import { createHash } from "node:crypto";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { folderBlobStore } from "./folder-store";
import { MultipartError, readMultipart } from "./multipart";
import { AttachmentRefusedError, type BlobStore } from "./store";

const PDF = Buffer.concat([Buffer.from("%PDF-1.7\n"), Buffer.alloc(20_000, 0x20)]);
const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(5_000, 7)]);
const EXE = Buffer.concat([Buffer.from("MZ\x90\x00"), Buffer.alloc(5_000, 0)]);

function formRequest(form: FormData): Request {
  return new Request("http://127.0.0.1/api/bijlagen", { method: "POST", body: form });
}

/** A multipart body written part by part as it is read, like a slow upload of a large file. */
function streamedRequest(fileBytes: number): { request: Request; produced: () => number } {
  const boundary = "----grens1234";
  const encoder = new TextEncoder();
  const head = encoder.encode(
    `--${boundary}\r\nContent-Disposition: form-data; name="omschrijving"\r\n\r\nBezwaar tegen besluit\r\n` +
      `--${boundary}\r\nContent-Disposition: form-data; name="bijlage"; filename="groot.pdf"\r\nContent-Type: application/pdf\r\n\r\n%PDF-1.7\n`,
  );
  const tail = encoder.encode(`\r\n--${boundary}--\r\n`);
  let sent = 0;
  let stage: "head" | "file" | "tail" | "done" = "head";
  const chunk = 256 * 1024;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (stage === "head") {
        controller.enqueue(head);
        stage = "file";
      } else if (stage === "file") {
        const length = Math.min(chunk, fileBytes - sent);
        controller.enqueue(new Uint8Array(length).fill(0x41));
        sent += length;
        if (sent >= fileBytes) stage = "tail";
      } else if (stage === "tail") {
        controller.enqueue(tail);
        stage = "done";
      } else controller.close();
    },
  });
  const request = new Request("http://127.0.0.1/api/bijlagen", {
    method: "POST",
    body,
    headers: { "content-type": `multipart/form-data; boundary=${boundary}` },
    duplex: "half",
  } as RequestInit);
  return { request, produced: () => sent };
}

describe("readMultipart", () => {
  let root: string;
  let store: BlobStore;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), "multipart-"));
    store = folderBlobStore(root);
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));

  it("reads the fields and stores each file as it arrives, in order", async () => {
    const form = new FormData();
    form.append("omschrijving", "Mijn bezwaar, met é en ë");
    form.append("bijlage", new Blob([PDF], { type: "application/pdf" }), "besluit.pdf");
    form.append("bijlage", new Blob([PNG], { type: "image/png" }), "foto.png");
    const result = await readMultipart(formRequest(form), (file) => store.put(file.content, { maxBytes: 1e6 }));
    expect(result.fields.get("omschrijving")).toEqual(["Mijn bezwaar, met é en ë"]);
    expect(result.files.map((f) => [f.field, f.fileName, f.result.type, f.result.size])).toEqual([
      ["bijlage", "besluit.pdf", "pdf", PDF.length],
      ["bijlage", "foto.png", "png", PNG.length],
    ]);
    expect(result.files[0]!.result.sha256).toBe(createHash("sha256").update(PDF).digest("hex"));
    expect(result.failedFiles).toEqual([]);
  });

  it("lists a refused file with its reason and still reads everything else that was sent", async () => {
    const form = new FormData();
    form.append("bijlage", new Blob([EXE]), "factuur.pdf");
    form.append("toelichting", "Zie bijlage");
    form.append("bijlage", new Blob([PDF]), "besluit.pdf");
    const result = await readMultipart(formRequest(form), (file) => store.put(file.content, { maxBytes: 1e6 }));
    expect(result.fields.get("toelichting")).toEqual(["Zie bijlage"]);
    expect(result.files.map((f) => f.fileName)).toEqual(["besluit.pdf"]);
    expect(result.failedFiles).toHaveLength(1);
    expect(result.failedFiles[0]!.fileName).toBe("factuur.pdf");
    expect(result.failedFiles[0]!.error).toBeInstanceOf(AttachmentRefusedError);
  });

  it("skips a file input that was left empty", async () => {
    const form = new FormData();
    form.append("bijlage", new Blob([]), "");
    form.append("naam", "Jansen");
    const result = await readMultipart(formRequest(form), (file) => store.put(file.content, { maxBytes: 1e6 }));
    expect(result.files).toEqual([]);
    expect(result.failedFiles).toEqual([]);
    expect(result.fields.get("naam")).toEqual(["Jansen"]);
  });

  it("hands a 25 MB file on while it is still arriving", async () => {
    const size = 25 * 1024 * 1024;
    const request = streamedRequest(size);
    let producedAtFirstChunk = -1;
    const result = await readMultipart(request.request, async (file) => {
      const watched = (async function* () {
        for await (const part of file.content) {
          if (producedAtFirstChunk < 0) producedAtFirstChunk = request.produced();
          yield part;
        }
      })();
      return store.put(watched, { maxBytes: 30 * 1024 * 1024 });
    });
    expect(result.fields.get("omschrijving")).toEqual(["Bezwaar tegen besluit"]);
    expect(result.files[0]!.result.size).toBe(size + "%PDF-1.7\n".length);
    // The store saw the start of the file when only a small part had been sent: nothing waited
    // for the whole upload (the memory this saves is measured in bench/).
    expect(producedAtFirstChunk).toBeGreaterThan(0);
    expect(producedAtFirstChunk).toBeLessThan(size / 4);
  });

  it("refuses a request that is not multipart, and too many files", async () => {
    await expect(readMultipart(new Request("http://127.0.0.1/", { method: "POST", body: "a=b", headers: { "content-type": "application/x-www-form-urlencoded" } }), async () => null)).rejects.toEqual(
      new MultipartError("not-multipart"),
    );
    const form = new FormData();
    for (let i = 0; i < 3; i++) form.append("bijlage", new Blob([PDF]), `b${i}.pdf`);
    await expect(readMultipart(formRequest(form), (file) => store.put(file.content, { maxBytes: 1e6 }), { maxFiles: 2, maxFieldBytes: 1000, maxFields: 10 })).rejects.toMatchObject({
      problem: "too-many-files",
    });
  });

  it("refuses a field value above the limit", async () => {
    const form = new FormData();
    form.append("toelichting", "x".repeat(2000));
    await expect(readMultipart(formRequest(form), async () => null, { maxFiles: 2, maxFieldBytes: 1000, maxFields: 10 })).rejects.toMatchObject({ problem: "field-too-long" });
  });
});
