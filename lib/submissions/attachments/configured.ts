import path from "node:path";
import { env } from "../../env";
import { logger } from "../../log";
import { databaseBlobStore } from "./database-store";
import { folderBlobStore } from "./folder-store";
import { s3BlobStore } from "./s3-store";
import type { BlobStore } from "./store";

let store: BlobStore | undefined;

function configuredStore(): BlobStore {
  const settings = env();
  if (settings.attachmentStore === "database") return databaseBlobStore();
  if (settings.attachmentStore === "s3") {
    // parseEnv refuses ATTACHMENT_STORE=s3 without its S3_* settings, so this is always set here.
    if (!settings.s3) throw new Error("ATTACHMENT_STORE=s3 without S3 settings");
    return s3BlobStore(settings.s3, {
      // The error names the operation and HTTP status only: no key, no credentials.
      onCleanupFailure: (error) => logger().warn({ err: error instanceof Error ? error.message : String(error) }, "could not abort an S3 multipart upload"),
    });
  }
  return folderBlobStore(path.join(settings.dataDir, "attachments"));
}

/**
 * The attachment store this portal is configured with (ATTACHMENT_STORE). Without "server-only",
 * so the job worker (expired drafts' files) can use it too; pages and routes import ./index.
 */
export function attachmentStore(): BlobStore {
  store ??= configuredStore();
  return store;
}
