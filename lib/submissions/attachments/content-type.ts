/**
 * What a file is, decided from its first bytes, never from its name or from what the browser
 * says (R4: a renamed .exe is not a PDF). Pure: give it the start of the file (4 KiB is enough
 * for every type below) and it answers with the type or null.
 */

export const fileTypes = {
  pdf: { mime: "application/pdf", extensions: ["pdf"], label: "PDF" },
  png: { mime: "image/png", extensions: ["png"], label: "PNG-afbeelding" },
  jpeg: { mime: "image/jpeg", extensions: ["jpg", "jpeg"], label: "JPG-foto" },
  gif: { mime: "image/gif", extensions: ["gif"], label: "GIF-afbeelding" },
  webp: { mime: "image/webp", extensions: ["webp"], label: "WebP-afbeelding" },
  tiff: { mime: "image/tiff", extensions: ["tif", "tiff"], label: "TIFF-afbeelding" },
  heic: { mime: "image/heic", extensions: ["heic", "heif"], label: "HEIC-foto (iPhone)" },
  docx: { mime: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extensions: ["docx"], label: "Word-document" },
  xlsx: { mime: "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", extensions: ["xlsx"], label: "Excel-bestand" },
  odt: { mime: "application/vnd.oasis.opendocument.text", extensions: ["odt"], label: "OpenDocument-tekst" },
  ods: { mime: "application/vnd.oasis.opendocument.spreadsheet", extensions: ["ods"], label: "OpenDocument-rekenblad" },
  txt: { mime: "text/plain", extensions: ["txt", "csv"], label: "Tekstbestand" },
} as const;

export type FileTypeId = keyof typeof fileTypes;
export const fileTypeIds = Object.keys(fileTypes) as FileTypeId[];

/** How many bytes of the start of a file detection needs at most. */
export const DETECTION_BYTES = 4096;

function startsWith(head: Uint8Array, bytes: readonly number[], offset = 0): boolean {
  if (head.length < offset + bytes.length) return false;
  return bytes.every((b, i) => head[offset + i] === b);
}

function ascii(head: Uint8Array, from: number, to: number): string {
  return String.fromCharCode(...head.subarray(from, Math.min(to, head.length)));
}

/** A ZIP container (Office Open XML, OpenDocument): which of them, from the names of its first entries. */
function zipType(head: Uint8Array): FileTypeId | null {
  // OpenDocument: the first entry is an uncompressed file "mimetype" holding the type.
  if (ascii(head, 30, 38) === "mimetype") {
    const declared = ascii(head, 38, 38 + 60);
    if (declared.startsWith(fileTypes.odt.mime)) return "odt";
    if (declared.startsWith(fileTypes.ods.mime)) return "ods";
    return null;
  }
  // Office Open XML: entry names in the local headers ("word/...", "xl/...") near the start.
  const names = ascii(head, 0, head.length);
  if (!names.includes("[Content_Types].xml") && !/(word|xl)\//.test(names)) return null;
  if (names.includes("word/")) return "docx";
  if (names.includes("xl/")) return "xlsx";
  return null;
}

/** Plain text: valid UTF-8 without control characters other than tab, newline and carriage return. */
function isPlainText(head: Uint8Array, complete: boolean): boolean {
  if (head.length === 0) return false;
  // A multi-byte character may be cut off at the end of the head; decode only whole characters.
  let end = head.length;
  if (!complete) {
    let back = 0;
    while (back < 3 && end - back - 1 >= 0 && (head[end - back - 1]! & 0xc0) === 0x80) back++;
    if (end - back - 1 >= 0 && head[end - back - 1]! >= 0xc0) end = end - back - 1;
  }
  if (end === 0) return false;
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(head.subarray(0, end));
  } catch {
    return false;
  }
  return !/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/.test(text);
}

/**
 * The type of a file from its first bytes (up to DETECTION_BYTES). `complete` says the head is
 * the whole file (a short file), which matters only for plain text.
 */
export function detectFileType(head: Uint8Array, complete = false): FileTypeId | null {
  if (startsWith(head, [0x25, 0x50, 0x44, 0x46, 0x2d])) return "pdf"; // %PDF-
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return "png";
  if (startsWith(head, [0xff, 0xd8, 0xff])) return "jpeg";
  if (ascii(head, 0, 6) === "GIF87a" || ascii(head, 0, 6) === "GIF89a") return "gif";
  if (ascii(head, 0, 4) === "RIFF" && ascii(head, 8, 12) === "WEBP") return "webp";
  if (startsWith(head, [0x49, 0x49, 0x2a, 0x00]) || startsWith(head, [0x4d, 0x4d, 0x00, 0x2a])) return "tiff";
  if (ascii(head, 4, 8) === "ftyp" && ["heic", "heix", "mif1", "msf1", "heif"].includes(ascii(head, 8, 12))) return "heic";
  if (startsWith(head, [0x50, 0x4b, 0x03, 0x04])) return zipType(head);
  // A UTF-8 byte order mark or plain text.
  if (isPlainText(startsWith(head, [0xef, 0xbb, 0xbf]) ? head.subarray(3) : head, complete)) return "txt";
  return null;
}

/** True when the name's extension fits the detected type (a mismatch is reported, not refused). */
export function extensionMatches(fileName: string, type: FileTypeId): boolean {
  const extension = fileName.toLowerCase().split(".").pop() ?? "";
  return (fileTypes[type].extensions as readonly string[]).includes(extension);
}
