import { Readable } from "node:stream";
import type { ReadableStream as NodeWebReadableStream } from "node:stream/web";
import busboy from "busboy";

/**
 * Reads a multipart/form-data request as it arrives: ordinary fields are collected (they are
 * small), and each file is handed to `onFile` as a stream while the request is still coming in,
 * so an upload is never held whole in memory. A plain <form enctype="multipart/form-data"> posts
 * this (the way without JavaScript); the upload script posts the same.
 */

export interface MultipartLimits {
  /** Files in one request. */
  maxFiles: number;
  /** Bytes per ordinary field value. */
  maxFieldBytes: number;
  /** Ordinary fields in one request. */
  maxFields: number;
}

export const defaultMultipartLimits: MultipartLimits = { maxFiles: 10, maxFieldBytes: 100_000, maxFields: 500 };

export interface IncomingFile {
  field: string;
  /** The name the browser gave; shown to people, never used as a path. */
  fileName: string;
  /** What the browser claims; the type that counts is read from the content. */
  declaredType: string;
  content: AsyncIterable<Uint8Array>;
}

export type MultipartProblem = "not-multipart" | "too-many-files" | "too-many-fields" | "field-too-long" | "malformed";

export class MultipartError extends Error {
  constructor(readonly problem: MultipartProblem) {
    super(`multipart request refused: ${problem}`);
    this.name = "MultipartError";
  }
}

export interface MultipartResult<T> {
  fields: Map<string, string[]>;
  files: { field: string; fileName: string; result: T }[];
  /** Files `onFile` refused or failed on, with its error; the other fields and files are still read. */
  failedFiles: { field: string; fileName: string; error: unknown }[];
}

/**
 * Reads the request. `onFile` must consume the file's content (or throw); it also gets the ordinary
 * fields that came before the file (a field naming where the file goes). Files are handled one
 * after the other in the order they arrive. A file `onFile` throws on is listed in `failedFiles`
 * and the rest of the request is still read, so a refused file loses nothing else the person
 * sent. A broken limit or a malformed request throws MultipartError.
 */
export async function readMultipart<T>(
  request: Request,
  onFile: (file: IncomingFile, fieldsSoFar: ReadonlyMap<string, readonly string[]>) => Promise<T>,
  limits: MultipartLimits = defaultMultipartLimits,
): Promise<MultipartResult<T>> {
  const contentType = request.headers.get("content-type") ?? "";
  if (!contentType.toLowerCase().startsWith("multipart/form-data") || !request.body) throw new MultipartError("not-multipart");

  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": contentType },
      defParamCharset: "utf8",
      limits: { files: limits.maxFiles, fields: limits.maxFields, fieldSize: limits.maxFieldBytes },
    });
  } catch {
    throw new MultipartError("malformed");
  }

  const fields = new Map<string, string[]>();
  const files: MultipartResult<T>["files"] = [];
  const failedFiles: MultipartResult<T>["failedFiles"] = [];
  let failure: unknown = null;
  // Files are handled one at a time, in order: each waits for the one before.
  let queue: Promise<void> = Promise.resolve();

  const done = new Promise<void>((resolve) => {
    parser.on("field", (name, value, info) => {
      if (info.valueTruncated) failure ??= new MultipartError("field-too-long");
      else fields.set(name, [...(fields.get(name) ?? []), value]);
    });
    parser.on("file", (field, stream, info) => {
      // A file input left empty arrives as a part without a name and without bytes.
      const fileName = info.filename;
      if (!fileName) {
        stream.resume();
        return;
      }
      queue = queue.then(async () => {
        if (failure) {
          stream.resume();
          return;
        }
        try {
          // destroyOnReturn: false, so a handler that stops reading early (a refused file) leaves
          // the stream for the drain below instead of stalling the parser.
          const content = { [Symbol.asyncIterator]: () => stream.iterator({ destroyOnReturn: false }) };
          const result = await onFile({ field, fileName, declaredType: info.mimeType, content }, fields);
          files.push({ field, fileName, result });
        } catch (error) {
          // The rest of the file is read and thrown away, so the person gets the answer (with
          // the reason) instead of a broken connection.
          failedFiles.push({ field, fileName, error });
          stream.resume();
        }
      });
    });
    parser.on("filesLimit", () => (failure ??= new MultipartError("too-many-files")));
    parser.on("fieldsLimit", () => (failure ??= new MultipartError("too-many-fields")));
    parser.on("error", () => {
      failure ??= new MultipartError("malformed");
      resolve();
    });
    parser.on("close", () => resolve());
  });

  const body = Readable.fromWeb(request.body as unknown as NodeWebReadableStream<Uint8Array>);
  body.on("error", (error) => {
    failure ??= error;
    parser.destroy();
  });
  body.pipe(parser);
  await done;
  await queue;
  if (failure) {
    body.unpipe(parser);
    body.destroy();
    throw failure;
  }
  return { fields, files, failedFiles };
}
