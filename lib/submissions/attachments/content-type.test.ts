import { describe, expect, it } from "vitest";
import { detectFileType, extensionMatches, type FileTypeId } from "./content-type";

const bytes = (...parts: (string | number[])[]) =>
  Buffer.concat(parts.map((p) => (typeof p === "string" ? Buffer.from(p, "latin1") : Buffer.from(p))));

/** A ZIP local file header for one entry name, as the first bytes of a container. */
const zipEntry = (name: string, content = "") => bytes([0x50, 0x4b, 0x03, 0x04], Buffer.alloc(22).toString("latin1"), [name.length, 0, 0, 0], name, content);

describe("detectFileType", () => {
  const cases: [string, Uint8Array, FileTypeId | null][] = [
    ["PDF", bytes("%PDF-1.7\n%âãÏÓ\n1 0 obj"), "pdf"],
    ["PNG", bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]), "png"],
    ["JPEG (JFIF)", bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], "JFIF"), "jpeg"],
    ["JPEG (Exif, from a phone)", bytes([0xff, 0xd8, 0xff, 0xe1, 0, 16], "Exif"), "jpeg"],
    ["GIF", bytes("GIF89a", [1, 0, 1, 0]), "gif"],
    ["WebP", bytes("RIFF", [0, 0, 0, 0], "WEBPVP8 "), "webp"],
    ["TIFF little-endian", bytes([0x49, 0x49, 0x2a, 0x00, 8, 0, 0, 0]), "tiff"],
    ["TIFF big-endian", bytes([0x4d, 0x4d, 0x00, 0x2a, 0, 0, 0, 8]), "tiff"],
    ["HEIC", bytes([0, 0, 0, 24], "ftypheic", [0, 0, 0, 0]), "heic"],
    ["Word document", zipEntry("[Content_Types].xml", "<Types/>word/document.xml"), "docx"],
    ["Excel file", zipEntry("xl/workbook.xml"), "xlsx"],
    ["OpenDocument text", zipEntry("mimetype", "application/vnd.oasis.opendocument.text"), "odt"],
    ["OpenDocument spreadsheet", zipEntry("mimetype", "application/vnd.oasis.opendocument.spreadsheet"), "ods"],
    ["an ordinary ZIP archive", zipEntry("foto's/vakantie.jpg"), null],
    ["plain text", Buffer.from("Geachte heer, mevrouw,\r\nHierbij mijn bezwaar.\n\tMet vriendelijke groet"), "txt"],
    ["text with a byte order mark", bytes([0xef, 0xbb, 0xbf], "naam;adres\n"), "txt"],
    ["UTF-8 text with accents", Buffer.from("Café, coöperatie, één"), "txt"],
    ["a Windows program (MZ)", bytes("MZ", [0x90, 0, 3, 0, 0, 0]), null],
    ["an ELF program", bytes([0x7f], "ELF", [2, 1, 1, 0]), null],
    ["binary noise", bytes([0, 1, 2, 3, 250, 251, 252]), null],
    ["Latin-1 text (not UTF-8)", bytes("caf", [0xe9], " au lait"), null],
    ["nothing", new Uint8Array(), null],
  ];
  it.each(cases)("%s", (_name, head, expected) => {
    expect(detectFileType(head, true)).toBe(expected);
  });

  it("accepts text whose head ends in the middle of a multi-byte character, unless the file ends there", () => {
    const text = Buffer.from("één");
    const cut = text.subarray(0, 1); // the first byte of "é"
    expect(detectFileType(cut, false)).toBe(null); // nothing whole to judge yet
    expect(detectFileType(Buffer.concat([Buffer.from("abc"), cut]), false)).toBe("txt");
    expect(detectFileType(Buffer.concat([Buffer.from("abc"), cut]), true)).toBe(null);
  });
});

describe("extensionMatches", () => {
  it.each([
    ["besluit.pdf", "pdf", true],
    ["FOTO.JPG", "jpeg", true],
    ["foto.jpeg", "jpeg", true],
    ["lijst.csv", "txt", true],
    ["factuur.pdf", "png", false],
    ["zonder-extensie", "pdf", false],
  ] as const)("%s as %s: %s", (name, type, expected) => {
    expect(extensionMatches(name, type)).toBe(expected);
  });
});
