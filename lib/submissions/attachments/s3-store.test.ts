import { createHash, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { S3Settings } from "../../env";
import { PART_BYTES, S3RequestError, s3BlobStore } from "./s3-store";
import { sha256Hex, verifyRequest } from "./sigv4";
import { AttachmentRefusedError } from "./store";

const MiB = 1024 * 1024;
const ACCESS_KEY = "PORTALTESTKEY";
const SECRET = "portal-test-secret/with+characters";
const REGION = "eu-central-1";

/**
 * Just enough of S3 to hold the store to the protocol: every request's SigV4 signature and body
 * hash are checked (403 otherwise), multipart parts but the last must be at least 5 MiB, and
 * CompleteMultipartUpload must list the ETags the parts were given.
 */
class FakeS3 {
  objects = new Map<string, Buffer>();
  uploads = new Map<string, { path: string; parts: Map<number, Buffer>; initiated: Date }>();
  requests: string[] = [];
  /** Answer this part number with a 500. */
  failPart: number | undefined;
  private server: Server | undefined;
  private nextUpload = 1;

  async start(): Promise<string> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (chunk: Buffer) => chunks.push(chunk));
      req.on("end", () => this.handle(req, Buffer.concat(chunks), res));
    });
    await new Promise<void>((resolve) => this.server!.listen(0, "127.0.0.1", resolve));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  stop(): Promise<void> {
    return new Promise((resolve) => this.server?.close(() => resolve()));
  }

  reset() {
    this.objects.clear();
    this.uploads.clear();
    this.requests = [];
    this.failPart = undefined;
  }

  private error(res: ServerResponse, status: number, code: string) {
    res.writeHead(status, { "content-type": "application/xml" }).end(`<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code></Error>`);
  }

  private handle(req: IncomingMessage, body: Buffer, res: ServerResponse) {
    const raw = req.url ?? "/";
    const at = raw.indexOf("?");
    const path = at === -1 ? raw : raw.slice(0, at);
    const query = at === -1 ? "" : raw.slice(at + 1);
    const params = new URLSearchParams(query);
    const method = req.method ?? "GET";

    const verified = verifyRequest({ method, path, query, headers: req.headers }, (id) => (id === ACCESS_KEY ? SECRET : undefined), { region: REGION, service: "s3" });
    if (!verified.ok) return this.error(res, 403, "SignatureDoesNotMatch");
    if (req.headers["x-amz-content-sha256"] !== sha256Hex(body)) return this.error(res, 400, "XAmzContentSHA256Mismatch");

    if (method === "GET" && params.has("uploads")) {
      this.requests.push(`ListMultipartUploads ${params.get("prefix")}`);
      const bucket = path.replace(/\/$/, "");
      const listed = [...this.uploads.entries()]
        .map(([id, upload]) => ({ id, upload, key: decodeURIComponent(upload.path.slice(bucket.length + 1)) }))
        .filter(({ key }) => key.startsWith(params.get("prefix") ?? ""));
      // One upload per page, so paging is exercised.
      const after = params.get("upload-id-marker");
      const start = after ? listed.findIndex((l) => l.id === after) + 1 : 0;
      const page = listed.slice(start, start + 1);
      const truncated = start + 1 < listed.length;
      const uploads = page.map((l) => `<Upload><Key>${l.key}</Key><UploadId>${l.id}</UploadId><Initiated>${l.upload.initiated.toISOString()}</Initiated></Upload>`).join("");
      const next = truncated ? `<NextKeyMarker>${page[0]!.key}</NextKeyMarker><NextUploadIdMarker>${page[0]!.id}</NextUploadIdMarker>` : "";
      return res.writeHead(200).end(`<ListMultipartUploadsResult><IsTruncated>${truncated}</IsTruncated>${next}${uploads}</ListMultipartUploadsResult>`);
    }
    const uploadId = params.get("uploadId");
    if (method === "POST" && params.has("uploads")) {
      this.requests.push("CreateMultipartUpload");
      const id = `upload-${this.nextUpload++}`;
      this.uploads.set(id, { path, parts: new Map(), initiated: new Date() });
      return res.writeHead(200).end(`<InitiateMultipartUploadResult><Bucket>b</Bucket><Key>k</Key><UploadId>${id}</UploadId></InitiateMultipartUploadResult>`);
    }
    if (uploadId !== null) {
      const upload = this.uploads.get(uploadId);
      if (!upload || upload.path !== path) return this.error(res, 404, "NoSuchUpload");
      if (method === "PUT") {
        const number = Number(params.get("partNumber"));
        this.requests.push(`UploadPart ${number} ${body.length}`);
        if (number === this.failPart) return this.error(res, 500, "InternalError");
        upload.parts.set(number, body);
        return res.writeHead(200, { etag: `"${createHash("md5").update(body).digest("hex")}"` }).end();
      }
      if (method === "POST") {
        this.requests.push("CompleteMultipartUpload");
        const listed = [...body.toString().matchAll(/<Part><PartNumber>(\d+)<\/PartNumber><ETag>([^<]+)<\/ETag><\/Part>/g)];
        const parts: Buffer[] = [];
        for (const [index, [, number, etag]] of listed.entries()) {
          const part = upload.parts.get(Number(number));
          if (!part || etag!.replace(/&quot;/g, '"') !== `"${createHash("md5").update(part).digest("hex")}"`) return this.error(res, 400, "InvalidPart");
          if (index < listed.length - 1 && part.length < 5 * MiB) return this.error(res, 400, "EntityTooSmall");
          parts.push(part);
        }
        this.objects.set(path, Buffer.concat(parts));
        this.uploads.delete(uploadId);
        return res.writeHead(200).end("<CompleteMultipartUploadResult><ETag>x</ETag></CompleteMultipartUploadResult>");
      }
      if (method === "DELETE") {
        this.requests.push("AbortMultipartUpload");
        this.uploads.delete(uploadId);
        return res.writeHead(204).end();
      }
    }
    if (method === "PUT") {
      this.requests.push(`PutObject ${body.length}`);
      this.objects.set(path, body);
      return res.writeHead(200, { etag: '"x"' }).end();
    }
    if (method === "GET") {
      this.requests.push("GetObject");
      const object = this.objects.get(path);
      if (!object) return this.error(res, 404, "NoSuchKey");
      return res.writeHead(200, { "content-length": String(object.length) }).end(object);
    }
    if (method === "DELETE") {
      this.requests.push("DeleteObject");
      this.objects.delete(path);
      return res.writeHead(204).end();
    }
    return this.error(res, 405, "MethodNotAllowed");
  }
}

/** `size` random bytes starting with a PDF header, in chunks of 64 KiB; also returns them whole for comparison. */
function pdfOf(size: number): { bytes: Buffer; chunks: () => AsyncGenerator<Uint8Array> } {
  const bytes = randomBytes(size);
  Buffer.from("%PDF-1.7\n").copy(bytes);
  return {
    bytes,
    chunks: async function* () {
      for (let at = 0; at < size; at += 64 * 1024) yield bytes.subarray(at, Math.min(size, at + 64 * 1024));
    },
  };
}

async function collect(source: AsyncIterable<Uint8Array>): Promise<Buffer> {
  const parts: Buffer[] = [];
  for await (const part of source) parts.push(Buffer.from(part));
  return Buffer.concat(parts);
}

describe("s3BlobStore against a fake S3 server", () => {
  const fake = new FakeS3();
  let settings: S3Settings;
  const cleanupFailures: unknown[] = [];
  const store = () => s3BlobStore(settings, { onCleanupFailure: (e) => cleanupFailures.push(e) });

  beforeAll(async () => {
    const endpoint = await fake.start();
    settings = { endpoint, region: REGION, bucket: "portal-attachments", accessKeyId: ACCESS_KEY, secretAccessKey: SECRET, keyPrefix: "mijnomgeving/" };
  });
  afterAll(() => fake.stop());
  beforeEach(() => {
    fake.reset();
    cleanupFailures.length = 0;
  });

  it("sends a 12 MiB file in three parts and reads it back identical, with its SHA-256", async () => {
    const file = pdfOf(12 * MiB);
    const blob = await store().put(file.chunks(), { maxBytes: 25 * MiB, allowedTypes: ["pdf"] });
    expect(blob).toMatchObject({ size: 12 * MiB, type: "pdf", sha256: createHash("sha256").update(file.bytes).digest("hex") });
    expect(fake.requests).toEqual(["CreateMultipartUpload", `UploadPart 1 ${PART_BYTES}`, `UploadPart 2 ${PART_BYTES}`, `UploadPart 3 ${2 * MiB}`, "CompleteMultipartUpload"]);
    expect([...fake.objects.keys()]).toEqual([`/portal-attachments/mijnomgeving/${blob.key}`]);
    expect(fake.uploads.size).toBe(0);
    const back = await collect(store().open(blob.key));
    expect(back.equals(file.bytes)).toBe(true);
  });

  it("sends a file smaller than one part with a single PutObject once it is accepted", async () => {
    const file = pdfOf(300 * 1024);
    const blob = await store().put(file.chunks(), { maxBytes: MiB });
    expect(fake.requests).toEqual([`PutObject ${300 * 1024}`]);
    expect((await collect(store().open(blob.key))).equals(file.bytes)).toBe(true);
  });

  it("aborts the multipart upload of a file that turns out too large, leaving nothing", async () => {
    const file = pdfOf(12 * MiB);
    const refused = await store()
      .put(file.chunks(), { maxBytes: 8 * MiB })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(AttachmentRefusedError);
    expect((refused as AttachmentRefusedError).refusal).toEqual({ reason: "too-large", maxBytes: 8 * MiB });
    expect(fake.requests).toEqual(["CreateMultipartUpload", `UploadPart 1 ${PART_BYTES}`, "AbortMultipartUpload"]);
    expect(fake.uploads.size).toBe(0);
    expect(fake.objects.size).toBe(0);
  });

  it("refuses a file of a type not allowed before anything is sent", async () => {
    const file = pdfOf(6 * MiB);
    await expect(store().put(file.chunks(), { maxBytes: 25 * MiB, allowedTypes: ["png", "jpeg"] })).rejects.toBeInstanceOf(AttachmentRefusedError);
    expect(fake.requests).toEqual([]);
    expect(fake.objects.size).toBe(0);
  });

  it("aborts the multipart upload when the server fails on a part", async () => {
    fake.failPart = 2;
    const file = pdfOf(12 * MiB);
    const failed = await store()
      .put(file.chunks(), { maxBytes: 25 * MiB })
      .catch((e: unknown) => e);
    expect(failed).toBeInstanceOf(S3RequestError);
    expect(failed).toMatchObject({ operation: "UploadPart", status: 500, code: "InternalError" });
    expect(fake.requests).toEqual(["CreateMultipartUpload", `UploadPart 1 ${PART_BYTES}`, `UploadPart 2 ${PART_BYTES}`, "AbortMultipartUpload"]);
    expect(fake.uploads.size).toBe(0);
    expect(fake.objects.size).toBe(0);
    expect(cleanupFailures).toEqual([]);
  });

  it("removes a file, and removing it again is no error", async () => {
    const blob = await store().put(pdfOf(1000).chunks(), { maxBytes: MiB });
    await store().remove(blob.key);
    expect(fake.objects.size).toBe(0);
    await store().remove(blob.key);
    await expect(collect(store().open(blob.key))).rejects.toMatchObject({ operation: "GetObject", status: 404, code: "NoSuchKey" });
  });

  it("is refused by the server when signed with the wrong secret, and its error does not contain the secret", async () => {
    const wrong = s3BlobStore({ ...settings, secretAccessKey: "not-the-secret" });
    const failed = await wrong.put(pdfOf(1000).chunks(), { maxBytes: MiB }).catch((e: unknown) => e);
    expect(failed).toMatchObject({ operation: "PutObject", status: 403, code: "SignatureDoesNotMatch" });
    expect(String(failed)).not.toContain("not-the-secret");
    expect(fake.objects.size).toBe(0);
  });

  it("aborts its own multipart uploads that were left behind, and no others", async () => {
    const day = 24 * 3600_000;
    const old = new Date(Date.now() - 2 * day);
    const mine = "/portal-attachments/mijnomgeving/2026/11/0b6f7c1e-2d1a-4c55-9a57-6f3e1c2b9d10";
    fake.uploads.set("left-1", { path: mine, parts: new Map([[1, Buffer.alloc(10)]]), initiated: old });
    fake.uploads.set("recent", { path: "/portal-attachments/mijnomgeving/2026/11/1b6f7c1e-2d1a-4c55-9a57-6f3e1c2b9d10", parts: new Map(), initiated: new Date() });
    fake.uploads.set("other-app", { path: "/portal-attachments/mijnomgeving/backups/dump.sql", parts: new Map(), initiated: old });
    fake.uploads.set("other-prefix", { path: "/portal-attachments/elsewhere/2026/11/2b6f7c1e-2d1a-4c55-9a57-6f3e1c2b9d10", parts: new Map(), initiated: old });
    expect(await store().pruneIncompleteUploads(new Date(Date.now() - day))).toBe(1);
    expect([...fake.uploads.keys()].sort()).toEqual(["other-app", "other-prefix", "recent"]);
    expect(fake.requests.filter((r) => r.startsWith("ListMultipartUploads"))).toEqual(Array(3).fill("ListMultipartUploads mijnomgeving/"));
  });

  it("refuses a key that is not one it made", async () => {
    await expect(store().remove("../other-bucket/x")).rejects.toThrow("invalid attachment key");
  });
});
