import { readdir, rm, stat } from "node:fs/promises";
import path from "node:path";
import { z } from "zod";
import { env } from "../../env";
import { defineJob } from "../../jobs/define";
import { pruneIncompleteBlobs } from "./database-store";
import { s3BlobStore } from "./s3-store";

/** An upload that has not finished within a day broke off; its bytes are thrown away. */
export const INCOMPLETE_UPLOAD_HOURS = 24;

/** Deletes the temporary files of uploads that broke off (folder store); returns how many. */
export async function pruneIncompleteFiles(root: string, before: Date): Promise<number> {
  let entries;
  try {
    entries = await readdir(root, { recursive: true, withFileTypes: true });
  } catch {
    return 0; // no attachments yet
  }
  let removed = 0;
  for (const entry of entries) {
    if (!entry.isFile() || !entry.name.endsWith(".part")) continue;
    const file = path.join(entry.parentPath, entry.name);
    if ((await stat(file)).mtime < before) {
      await rm(file, { force: true });
      removed++;
    }
  }
  return removed;
}

export const pruneIncompleteUploadsJob = defineJob({
  name: "attachments.prune-incomplete",
  payload: z.object({}),
  schedule: "41 * * * *",
  queue: { retryLimit: 2, retryDelay: 60 },
  async handle(_payload, { log }) {
    const before = new Date(Date.now() - INCOMPLETE_UPLOAD_HOURS * 3600_000);
    const chunks = await pruneIncompleteBlobs(before);
    const files = await pruneIncompleteFiles(path.join(env().dataDir, "attachments"), before);
    const s3 = env().s3;
    const multipartUploads = s3 ? await s3BlobStore(s3).pruneIncompleteUploads(before) : 0;
    if (chunks + files + multipartUploads > 0) log.info({ chunks, files, multipartUploads }, "incomplete uploads deleted");
  },
});
