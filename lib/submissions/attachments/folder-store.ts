import { createReadStream, createWriteStream, type WriteStream } from "node:fs";
import { mkdir, rename, rm } from "node:fs/promises";
import path from "node:path";
import { newBlobKey, streamInto, type BlobSink, type BlobStore, type StoredBlob, type UploadLimits } from "./store";

/**
 * Attachments as files in a folder (the embedded default: DATA_DIR/attachments). A file is
 * written under a temporary name and renamed into place only when it is complete and accepted,
 * so a half upload or a refused file never appears under a key.
 */
export function folderBlobStore(root: string): BlobStore {
  const fileOf = (key: string) => {
    if (!/^\d{4}\/\d{2}\/[0-9a-f-]{36}$/.test(key)) throw new Error("invalid attachment key");
    return path.join(root, key);
  };

  return {
    kind: "folder",

    async put(source: AsyncIterable<Uint8Array>, limits: UploadLimits): Promise<StoredBlob> {
      const key = newBlobKey();
      const target = fileOf(key);
      const temporary = `${target}.part`;
      await mkdir(path.dirname(target), { recursive: true });
      const out: WriteStream = createWriteStream(temporary, { flags: "wx" });
      const opened = new Promise<void>((resolve, reject) => {
        out.once("open", () => resolve());
        out.once("error", reject);
      });
      await opened;
      const closed = () => new Promise<void>((resolve, reject) => out.end((error?: Error | null) => (error ? reject(error) : resolve())));
      const sink: BlobSink = {
        // Waits for the disk when the buffer is full, so a fast upload does not pile up in memory.
        write: (chunk) =>
          new Promise<void>((resolve, reject) => {
            const ok = out.write(chunk, (error) => (error ? reject(error) : undefined));
            if (ok) resolve();
            else out.once("drain", resolve);
          }),
        commit: async () => {
          await closed();
          await rename(temporary, target);
        },
        abort: async () => {
          out.destroy();
          await rm(temporary, { force: true });
        },
      };
      const stored = await streamInto(source, limits, sink);
      return { key, ...stored };
    },

    open(key: string): AsyncIterable<Uint8Array> {
      return createReadStream(fileOf(key));
    },

    async remove(key: string): Promise<void> {
      await rm(fileOf(key), { force: true });
    },
  };
}
