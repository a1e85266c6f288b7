import path from "node:path";
import { env } from "../../env";
import { databaseBlobStore } from "./database-store";
import { folderBlobStore } from "./folder-store";
import type { BlobStore } from "./store";

let store: BlobStore | undefined;

/**
 * The attachment store this portal is configured with (ATTACHMENT_STORE). Without "server-only",
 * so the job worker (expired drafts' files) can use it too; pages and routes import ./index.
 */
export function attachmentStore(): BlobStore {
  store ??= env().attachmentStore === "database" ? databaseBlobStore() : folderBlobStore(path.join(env().dataDir, "attachments"));
  return store;
}
