import type { Locale, Messages } from "../i18n";
import { format } from "../i18n";
import { formatFileSize } from "../catalogue/forms/values";
import { fileTypes, type FileTypeId } from "./attachments/content-type";
import type { AttachmentRefusal } from "./attachments/store";

/**
 * Why a file was not added, in plain words with the limit that was broken (R4: "a refused file
 * gets the reason at once"). Pure module.
 */

/** A refusal of the store, or one of the draft's own: too many files in the field, or storing failed. */
export type FileProblem = AttachmentRefusal | { reason: "too-many"; maxCount: number } | { reason: "failed" };

/** Thrown while reading an upload when the file is not taken; the request itself goes on. */
export class FileProblemError extends Error {
  constructor(readonly problem: FileProblem) {
    super(`file not taken: ${problem.reason}`);
    this.name = "FileProblemError";
  }
}

/** The names people know the types by: "PDF, JPG-foto, PNG-afbeelding". */
export function typeList(types: readonly FileTypeId[]): string {
  return types.map((id) => fileTypes[id].label).join(", ");
}

export function fileProblemMessage(t: Pick<Messages, "submissionFlow">, locale: Locale, fileName: string, problem: FileProblem, allowed: readonly FileTypeId[]): string {
  const texts = t.submissionFlow.refusals;
  const name = fileName.slice(0, 120);
  switch (problem.reason) {
    case "empty":
      return format(texts.empty, { name });
    case "too-large":
      return format(texts["too-large"], { name, max: formatFileSize(problem.maxBytes, locale) });
    case "type-not-allowed":
      return format(texts["type-not-allowed"], { name, type: fileTypes[problem.detected].label, allowed: typeList(problem.allowed) });
    case "type-unknown":
      return format(texts["type-unknown"], { name, allowed: typeList(allowed) });
    case "too-many":
      return format(texts["too-many"], { name, max: problem.maxCount });
    case "failed":
      return format(texts.failed, { name });
  }
}
