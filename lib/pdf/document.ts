import { PDFDocument, PDFFont, PDFPage, StandardFonts, rgb } from "pdf-lib";

/**
 * PDF documents the portal hands out: the copy of a submission (R7), the record of sending and
 * reading (R14, R16) and letters for the post (R13). A document is a list of simple blocks laid
 * out on A4 with the municipality's name on top and page numbers below, so every PDF looks the
 * same and no caller draws coordinates. The standard Helvetica font covers Dutch (é, ë, ï, €);
 * a character it cannot show is written without its accent, or as "?".
 */

export type PdfBlock =
  | { kind: "heading"; text: string; level?: 1 | 2 }
  | { kind: "paragraph"; text: string; muted?: boolean }
  /** Label and value pairs in two columns, e.g. "Kenmerk: BZ-2026-000123". */
  | { kind: "facts"; rows: { label: string; value: string }[] }
  /** A table; column widths are fractions of the text width and add up to 1. */
  | { kind: "table"; columns: { label: string; width: number }[]; rows: string[][] }
  | { kind: "spacer"; height?: number };

export interface PdfDocumentSpec {
  title: string;
  /** The municipality: printed on top of every page and recorded as the author. */
  issuer: string;
  language: "nl" | "en";
  createdAt: Date;
  /** A letter for a window envelope: these lines are placed in the address window of page 1. */
  address?: string[];
  /** Below every page, before the page number, e.g. the reference. */
  footer?: string;
  blocks: PdfBlock[];
}

const MM = 72 / 25.4;
const A4 = { width: 210 * MM, height: 297 * MM };
const MARGIN = { left: 22 * MM, right: 20 * MM, top: 20 * MM, bottom: 22 * MM };
/**
 * The address window of the common Dutch window envelopes (DL and C5 with the window on the
 * left): 20 mm from the left edge, 50 mm from the top, 85 x 40 mm, as on the printable letter
 * page. The address is printed inside, 4 mm in.
 */
export const ADDRESS_WINDOW = { left: 20 * MM, top: 50 * MM, width: 85 * MM, height: 40 * MM };
const TEXT_WIDTH = A4.width - MARGIN.left - MARGIN.right;
const BODY_SIZE = 10.5;
const LINE = 1.35;
const INK = rgb(0.1, 0.1, 0.1);
const MUTED = rgb(0.35, 0.35, 0.35);

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

/** Text the font can encode: accents removed where the font lacks the letter, else "?". */
export function encodable(font: PDFFont, text: string): string {
  let out = "";
  for (const char of text.replace(/\r\n?/g, "\n").replace(/\t/g, "    ")) {
    if (char === "\n") {
      out += char;
      continue;
    }
    if (canEncode(font, char)) {
      out += char;
      continue;
    }
    const plain = (BASE_LETTERS[char] ?? char).normalize("NFKD").replace(/\p{M}/gu, "");
    out += plain && [...plain].every((c) => canEncode(font, c)) ? plain : "?";
  }
  return out;
}

/** Letters that are not a base letter plus an accent in Unicode, so NFKD does not simplify them. */
const BASE_LETTERS: Record<string, string> = { Ł: "L", ł: "l", Đ: "D", đ: "d", Ħ: "H", ħ: "h", ı: "i" };

function canEncode(font: PDFFont, char: string): boolean {
  try {
    font.encodeText(char);
    return true;
  } catch {
    return false;
  }
}

/** Splits text into lines no wider than `width`; words longer than a line are broken. */
export function wrapText(font: PDFFont, size: number, text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split("\n")) {
    let line = "";
    for (const word of paragraph.split(/ +/)) {
      const candidate = line ? `${line} ${word}` : word;
      if (font.widthOfTextAtSize(candidate, size) <= width) {
        line = candidate;
        continue;
      }
      if (line) lines.push(line);
      // A word wider than the line (a long reference, a URL) is broken by characters.
      let rest = word;
      while (font.widthOfTextAtSize(rest, size) > width) {
        let cut = rest.length - 1;
        while (cut > 1 && font.widthOfTextAtSize(rest.slice(0, cut), size) > width) cut--;
        lines.push(rest.slice(0, cut));
        rest = rest.slice(cut);
      }
      line = rest;
    }
    lines.push(line);
  }
  return lines;
}

class Layout {
  private page!: PDFPage;
  private y = 0;
  readonly pages: PDFPage[] = [];

  constructor(
    private readonly doc: PDFDocument,
    private readonly fonts: Fonts,
    private readonly spec: PdfDocumentSpec,
  ) {
    this.newPage();
  }

  private newPage() {
    this.page = this.doc.addPage([A4.width, A4.height]);
    this.pages.push(this.page);
    this.page.drawText(encodable(this.fonts.bold, this.spec.issuer), { x: MARGIN.left, y: A4.height - MARGIN.top, size: 11, font: this.fonts.bold, color: INK });
    this.y = A4.height - MARGIN.top - 11 * 2.5;
  }

  /** Makes room for `height`; starts a new page when the current one is full. */
  private room(height: number) {
    if (this.y - height < MARGIN.bottom + 12) this.newPage();
  }

  placeAddress(lines: string[]) {
    const size = 10.5;
    let y = A4.height - ADDRESS_WINDOW.top - 5 * MM - size;
    for (const line of lines.slice(0, 6)) {
      const text = encodable(this.fonts.regular, line);
      this.page.drawText(wrapText(this.fonts.regular, size, text, ADDRESS_WINDOW.width - 8 * MM)[0] ?? "", { x: ADDRESS_WINDOW.left + 4 * MM, y, size, font: this.fonts.regular, color: INK });
      y -= size * LINE;
    }
    // The letter's text starts below the window.
    this.y = A4.height - ADDRESS_WINDOW.top - ADDRESS_WINDOW.height - 12 * MM;
  }

  private lines(lines: string[], font: PDFFont, size: number, x: number, color = INK) {
    for (const line of lines) {
      this.room(size * LINE);
      this.page.drawText(line, { x, y: this.y - size, size, font, color });
      this.y -= size * LINE;
    }
  }

  block(block: PdfBlock) {
    const { regular, bold } = this.fonts;
    switch (block.kind) {
      case "heading": {
        const size = block.level === 2 ? 12.5 : 16;
        this.room(size * LINE * 3); // keep a heading with what follows
        this.y -= size * 0.6;
        this.lines(wrapText(bold, size, encodable(bold, block.text), TEXT_WIDTH), bold, size, MARGIN.left);
        this.y -= size * 0.3;
        break;
      }
      case "paragraph":
        this.lines(wrapText(regular, BODY_SIZE, encodable(regular, block.text), TEXT_WIDTH), regular, BODY_SIZE, MARGIN.left, block.muted ? MUTED : INK);
        this.y -= BODY_SIZE * 0.6;
        break;
      case "facts": {
        const labelWidth = TEXT_WIDTH * 0.34;
        for (const row of block.rows) {
          const label = wrapText(bold, BODY_SIZE, encodable(bold, row.label), labelWidth - 6);
          const value = wrapText(regular, BODY_SIZE, encodable(regular, row.value || "-"), TEXT_WIDTH - labelWidth);
          const height = Math.max(label.length, value.length) * BODY_SIZE * LINE;
          this.room(Math.min(height, BODY_SIZE * LINE * 3));
          const top = this.y;
          this.lines(label, bold, BODY_SIZE, MARGIN.left);
          const afterLabel = this.y;
          const labelPage = this.pages.length;
          this.y = top;
          this.lines(value, regular, BODY_SIZE, MARGIN.left + labelWidth);
          if (this.pages.length === labelPage) this.y = Math.min(this.y, afterLabel);
          this.y -= BODY_SIZE * 0.35;
        }
        this.y -= BODY_SIZE * 0.4;
        break;
      }
      case "table": {
        const drawRow = (cells: string[], font: PDFFont) => {
          const wrapped = block.columns.map((c, i) => wrapText(font, 9.5, encodable(font, cells[i] ?? ""), c.width * TEXT_WIDTH - 6));
          const height = Math.max(...wrapped.map((w) => w.length)) * 9.5 * LINE;
          this.room(height + 4);
          let x = MARGIN.left;
          wrapped.forEach((lines, i) => {
            lines.forEach((line, n) => this.page.drawText(line, { x, y: this.y - 9.5 - n * 9.5 * LINE, size: 9.5, font, color: INK }));
            x += block.columns[i]!.width * TEXT_WIDTH;
          });
          this.y -= height + 2;
          this.page.drawLine({ start: { x: MARGIN.left, y: this.y }, end: { x: MARGIN.left + TEXT_WIDTH, y: this.y }, thickness: 0.4, color: MUTED });
          this.y -= 3;
        };
        drawRow(block.columns.map((c) => c.label), bold);
        for (const row of block.rows) drawRow(row, regular);
        this.y -= BODY_SIZE * 0.6;
        break;
      }
      case "spacer":
        this.y -= block.height ?? BODY_SIZE;
        break;
    }
  }

  finish() {
    const total = this.pages.length;
    this.pages.forEach((page, i) => {
      const pageText = this.spec.language === "nl" ? `Pagina ${i + 1} van ${total}` : `Page ${i + 1} of ${total}`;
      const text = encodable(this.fonts.regular, this.spec.footer ? `${this.spec.footer}  |  ${pageText}` : pageText);
      page.drawText(text, { x: MARGIN.left, y: MARGIN.bottom - 12, size: 8.5, font: this.fonts.regular, color: MUTED });
    });
  }
}

/** Renders the document. The same spec gives the same bytes (the dates come from the spec). */
export async function renderPdf(spec: PdfDocumentSpec): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.setTitle(spec.title, { showInWindowTitleBar: true });
  doc.setAuthor(spec.issuer);
  doc.setCreator("MijnOmgeving");
  doc.setProducer("MijnOmgeving");
  doc.setLanguage(spec.language === "nl" ? "nl-NL" : "en-GB");
  doc.setCreationDate(spec.createdAt);
  doc.setModificationDate(spec.createdAt);
  const fonts = { regular: await doc.embedFont(StandardFonts.Helvetica), bold: await doc.embedFont(StandardFonts.HelveticaBold) };
  const layout = new Layout(doc, fonts, spec);
  if (spec.address) layout.placeAddress(spec.address);
  for (const block of spec.blocks) layout.block(block);
  layout.finish();
  return doc.save({ useObjectStreams: false });
}
