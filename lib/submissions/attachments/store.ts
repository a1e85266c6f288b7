import { createHash, randomUUID } from "node:crypto";
import { DETECTION_BYTES, detectFileType, type FileTypeId } from "./content-type";

/**
 * Where attachments go (R4). A file is streamed through: its type is decided from its first
 * bytes, its size is counted and its SHA-256 computed as it passes, and it is refused the moment
 * a limit is broken, so no upload is ever held whole in memory. A store only keeps bytes under a
 * key; what the file is (name, submission) is recorded by the caller in the database.
 */

export interface UploadLimits {
  maxBytes: number;
  /** The types allowed (from the channel's conditions); all known types when absent. */
  allowedTypes?: readonly FileTypeId[];
}

export type AttachmentRefusal =
  | { reason: "empty" }
  | { reason: "too-large"; maxBytes: number }
  | { reason: "type-unknown" }
  | { reason: "type-not-allowed"; detected: FileTypeId; allowed: readonly FileTypeId[] };

/** A file that was not kept, with the reason the person is told. Nothing of it stays in the store. */
export class AttachmentRefusedError extends Error {
  constructor(readonly refusal: AttachmentRefusal) {
    super(`attachment refused: ${refusal.reason}`);
    this.name = "AttachmentRefusedError";
  }
}

export interface StoredBlob {
  key: string;
  size: number;
  /** Hex-encoded SHA-256 of the bytes stored. */
  sha256: string;
  type: FileTypeId;
}

/** Receives the bytes of one file; `commit` makes them readable under the key, `abort` throws them away. */
export interface BlobSink {
  write(chunk: Uint8Array): Promise<void>;
  commit(): Promise<void>;
  abort(): Promise<void>;
}

export interface BlobStore {
  readonly kind: string;
  /** Streams a file in; refuses it (AttachmentRefusedError) when it breaks the limits. */
  put(source: AsyncIterable<Uint8Array>, limits: UploadLimits): Promise<StoredBlob>;
  /** The bytes of a stored file, as a stream. */
  open(key: string): AsyncIterable<Uint8Array>;
  /** Removes a stored file (a draft's attachment the person removed); no error when it is gone. */
  remove(key: string): Promise<void>;
}

/** A new key: a random id under the current year and month, so folders stay small. */
export function newBlobKey(now = new Date()): string {
  return `${now.getUTCFullYear()}/${String(now.getUTCMonth() + 1).padStart(2, "0")}/${randomUUID()}`;
}

/**
 * The streaming part every store shares: checks type, size and hash while passing the bytes to
 * the sink, and aborts the sink on any refusal or error.
 */
export async function streamInto(source: AsyncIterable<Uint8Array>, limits: UploadLimits, sink: BlobSink): Promise<Omit<StoredBlob, "key">> {
  const hash = createHash("sha256");
  let size = 0;
  let type: FileTypeId | null = null;
  // The first bytes wait here until there are enough to tell the type.
  let head: Uint8Array[] = [];
  let headBytes = 0;

  const decide = (complete: boolean) => {
    const start = Buffer.concat(head, headBytes).subarray(0, DETECTION_BYTES);
    const detected = detectFileType(start, complete);
    if (!detected) throw new AttachmentRefusedError({ reason: "type-unknown" });
    if (limits.allowedTypes && !limits.allowedTypes.includes(detected)) {
      throw new AttachmentRefusedError({ reason: "type-not-allowed", detected, allowed: limits.allowedTypes });
    }
    return detected;
  };

  try {
    for await (const chunk of source) {
      if (chunk.length === 0) continue;
      size += chunk.length;
      if (size > limits.maxBytes) throw new AttachmentRefusedError({ reason: "too-large", maxBytes: limits.maxBytes });
      hash.update(chunk);
      if (type) {
        await sink.write(chunk);
        continue;
      }
      head.push(chunk);
      headBytes += chunk.length;
      if (headBytes >= DETECTION_BYTES) {
        type = decide(false);
        for (const part of head) await sink.write(part);
        head = [];
      }
    }
    if (size === 0) throw new AttachmentRefusedError({ reason: "empty" });
    if (!type) {
      type = decide(true);
      for (const part of head) await sink.write(part);
    }
    await sink.commit();
    return { size, sha256: hash.digest("hex"), type };
  } catch (error) {
    await sink.abort();
    throw error;
  }
}
