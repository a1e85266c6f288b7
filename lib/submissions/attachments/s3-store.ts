import { Readable } from "node:stream";
import type { ReadableStream as WebReadableStream } from "node:stream/web";
import type { S3Settings } from "../../env";
import { EMPTY_PAYLOAD_HASH, encodeKeyPath, sha256Hex, signedHeaders, uriEncode, type SigningCredentials } from "./sigv4";
import { newBlobKey, streamInto, type BlobSink, type BlobStore, type StoredBlob, type UploadLimits } from "./store";

/** S3 refuses multipart parts under 5 MiB (except the last), so a part is exactly this big. */
export const PART_BYTES = 5 * 1024 * 1024;

export interface S3StoreOptions {
  /** For tests: a smaller part size than S3 allows. */
  partBytes?: number;
  /** Time allowed for one request other than a download (ms). */
  requestTimeoutMs?: number;
  fetch?: typeof fetch;
  now?: () => Date;
  /** Told when a failed upload could not be cleaned up (the bucket's lifecycle rule is the safety net). */
  onCleanupFailure?: (error: unknown) => void;
}

/** A refusal or failure of the object store. The message names the operation and status, never credentials. */
export class S3RequestError extends Error {
  constructor(
    readonly operation: string,
    readonly status: number,
    readonly code: string | undefined,
  ) {
    super(`S3 ${operation} failed: HTTP ${status}${code ? ` ${code}` : ""}`);
    this.name = "S3RequestError";
  }
}

const xmlValue = (xml: string, tag: string) => new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(xml)?.[1];
const xmlEscape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/**
 * Attachments in S3-compatible object storage (AWS S3, MinIO, Ceph, Garage), addressed
 * path-style (endpoint/bucket/key) and signed with Signature Version 4 over fetch. An upload
 * is sent as a multipart upload in parts of 5 MiB while it arrives, so at most one part is in
 * memory; a file smaller than one part is sent with a single PutObject once it is accepted.
 * Every request carries the SHA-256 of its body (x-amz-content-sha256), so it is signed whole
 * and works over plain HTTP to a local MinIO as well as over HTTPS.
 */
export interface S3BlobStore extends BlobStore {
  /**
   * Aborts this portal's multipart uploads started before `before` (a process that died mid-upload
   * leaves them behind, and S3 keeps their parts until they are aborted); returns how many.
   */
  pruneIncompleteUploads(before: Date): Promise<number>;
}

const BLOB_KEY = /^\d{4}\/\d{2}\/[0-9a-f-]{36}$/;

export function s3BlobStore(settings: S3Settings, options: S3StoreOptions = {}): S3BlobStore {
  const partBytes = options.partBytes ?? PART_BYTES;
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? (() => new Date());
  const timeoutMs = options.requestTimeoutMs ?? 120_000;
  const credentials: SigningCredentials = { accessKeyId: settings.accessKeyId, secretAccessKey: settings.secretAccessKey, region: settings.region, service: "s3" };

  const objectUrl = (key: string, query = "") => {
    if (!BLOB_KEY.test(key)) throw new Error("invalid attachment key");
    const url = new URL(`${settings.endpoint}/${settings.bucket}/${encodeKeyPath(settings.keyPrefix + key)}`);
    url.search = query;
    return url;
  };

  const send = (method: string, url: URL, body?: Uint8Array, extra: Record<string, string> = {}, timeout = true): Promise<Response> => {
    const payloadHash = body ? sha256Hex(body) : EMPTY_PAYLOAD_HASH;
    const headers = signedHeaders({ method, url, headers: extra, payloadHash }, credentials, now());
    return doFetch(url, { method, headers, body: body as BodyInit | undefined, signal: timeout ? AbortSignal.timeout(timeoutMs) : undefined });
  };

  const fail = async (operation: string, response: Response): Promise<never> => {
    const text = await response.text().catch(() => "");
    throw new S3RequestError(operation, response.status, xmlValue(text, "Code"));
  };

  return {
    kind: "s3",

    async put(source: AsyncIterable<Uint8Array>, limits: UploadLimits): Promise<StoredBlob> {
      const key = newBlobKey();
      let pending: Uint8Array[] = [];
      let pendingBytes = 0;
      let uploadId: string | undefined;
      const parts: { number: number; etag: string }[] = [];

      const start = async () => {
        const response = await send("POST", objectUrl(key, "uploads="));
        if (!response.ok) await fail("CreateMultipartUpload", response);
        const id = xmlValue(await response.text(), "UploadId");
        if (!id) throw new S3RequestError("CreateMultipartUpload", response.status, "NoUploadId");
        uploadId = id;
        return id;
      };
      const uploadPart = async (bytes: Uint8Array) => {
        const id = uploadId ?? (await start());
        const number = parts.length + 1;
        const response = await send("PUT", objectUrl(key, `partNumber=${number}&uploadId=${uriEncode(id)}`), bytes);
        if (!response.ok) await fail("UploadPart", response);
        await response.body?.cancel();
        const etag = response.headers.get("etag");
        if (!etag) throw new S3RequestError("UploadPart", response.status, "NoETag");
        parts.push({ number, etag });
      };
      // Sends every full part that is waiting; what is left is less than one part.
      const flushParts = async () => {
        if (pendingBytes < partBytes) return;
        let buffer = Buffer.concat(pending, pendingBytes);
        pending = [];
        while (buffer.length >= partBytes) {
          await uploadPart(buffer.subarray(0, partBytes));
          buffer = buffer.subarray(partBytes);
        }
        // A copy, so the part just sent is not kept alive by the few bytes left of it.
        pending = buffer.length > 0 ? [Buffer.from(buffer)] : [];
        pendingBytes = buffer.length;
      };

      const sink: BlobSink = {
        async write(chunk) {
          pending.push(chunk);
          pendingBytes += chunk.length;
          await flushParts();
        },
        async commit() {
          const rest = Buffer.concat(pending, pendingBytes);
          pending = [];
          pendingBytes = 0;
          if (!uploadId) {
            const response = await send("PUT", objectUrl(key), rest);
            if (!response.ok) await fail("PutObject", response);
            await response.body?.cancel();
            return;
          }
          if (rest.length > 0) await uploadPart(rest);
          const xml = `<CompleteMultipartUpload>${parts.map((p) => `<Part><PartNumber>${p.number}</PartNumber><ETag>${xmlEscape(p.etag)}</ETag></Part>`).join("")}</CompleteMultipartUpload>`;
          const response = await send("POST", objectUrl(key, `uploadId=${uriEncode(uploadId)}`), Buffer.from(xml), { "content-type": "application/xml" });
          // S3 may answer 200 and still report an error in the body.
          const text = await response.text();
          if (!response.ok || /<Error>/.test(text)) throw new S3RequestError("CompleteMultipartUpload", response.status, xmlValue(text, "Code"));
        },
        async abort() {
          pending = [];
          pendingBytes = 0;
          if (!uploadId) return;
          try {
            const response = await send("DELETE", objectUrl(key, `uploadId=${uriEncode(uploadId)}`));
            await response.body?.cancel();
            if (!response.ok && response.status !== 404) throw new S3RequestError("AbortMultipartUpload", response.status, undefined);
          } catch (error) {
            // The reason the upload failed matters more than the clean-up; the caller gets that one.
            options.onCleanupFailure?.(error);
          }
        },
      };
      const stored = await streamInto(source, limits, sink);
      return { key, ...stored };
    },

    open(key: string): AsyncIterable<Uint8Array> {
      return (async function* () {
        const response = await send("GET", objectUrl(key), undefined, {}, false);
        if (!response.ok || !response.body) await fail("GetObject", response);
        yield* Readable.fromWeb(response.body as WebReadableStream<Uint8Array>) as AsyncIterable<Uint8Array>;
      })();
    },

    async pruneIncompleteUploads(before: Date): Promise<number> {
      let aborted = 0;
      let markers = "";
      for (;;) {
        const url = new URL(`${settings.endpoint}/${settings.bucket}`);
        url.search = `uploads=&prefix=${uriEncode(settings.keyPrefix)}${markers}`;
        const response = await send("GET", url);
        const text = await response.text();
        if (!response.ok) throw new S3RequestError("ListMultipartUploads", response.status, xmlValue(text, "Code"));
        for (const [, upload] of text.matchAll(/<Upload>([\s\S]*?)<\/Upload>/g)) {
          const objectKey = xmlValue(upload!, "Key") ?? "";
          const uploadId = xmlValue(upload!, "UploadId");
          const initiated = new Date(xmlValue(upload!, "Initiated") ?? "");
          const key = objectKey.slice(settings.keyPrefix.length);
          // Only uploads of keys this store makes: a shared bucket may hold other uploads.
          if (!uploadId || !objectKey.startsWith(settings.keyPrefix) || !BLOB_KEY.test(key) || !(initiated < before)) continue;
          const aborting = await send("DELETE", objectUrl(key, `uploadId=${uriEncode(uploadId)}`));
          await aborting.body?.cancel();
          if (!aborting.ok && aborting.status !== 404) throw new S3RequestError("AbortMultipartUpload", aborting.status, undefined);
          aborted++;
        }
        const nextKey = xmlValue(text, "NextKeyMarker");
        const nextUpload = xmlValue(text, "NextUploadIdMarker");
        if (xmlValue(text, "IsTruncated") !== "true" || (!nextKey && !nextUpload)) return aborted;
        markers = `&key-marker=${uriEncode(nextKey ?? "")}&upload-id-marker=${uriEncode(nextUpload ?? "")}`;
      }
    },

    async remove(key: string): Promise<void> {
      const response = await send("DELETE", objectUrl(key));
      await response.body?.cancel();
      if (!response.ok && response.status !== 404) throw new S3RequestError("DeleteObject", response.status, undefined);
    },
  };
}
