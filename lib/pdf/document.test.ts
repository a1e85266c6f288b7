import { inflateSync } from "node:zlib";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { encodable, renderPdf, wrapText, type PdfDocumentSpec } from "./document";

/** The text drawn on each page, in drawing order (standard fonts write WinAnsi hex strings). */
function pageTexts(pdf: Uint8Array): string[][] {
  const raw = Buffer.from(pdf).toString("latin1");
  const pages: string[][] = [];
  for (const match of raw.matchAll(/stream\r?\n([\s\S]*?)\r?\nendstream/g)) {
    let content: string;
    try {
      content = inflateSync(Buffer.from(match[1]!, "latin1")).toString("latin1");
    } catch {
      content = match[1]!;
    }
    const texts = [...content.matchAll(/<([0-9A-Fa-f]*)> Tj/g)].map((m) => Buffer.from(m[1]!, "hex").toString("latin1"));
    if (texts.length > 0) pages.push(texts);
  }
  return pages;
}

const base: PdfDocumentSpec = {
  title: "Kopie van uw bezwaar",
  issuer: "Gemeente Voorbeeldstad",
  language: "nl",
  createdAt: new Date("2026-11-28T10:00:00Z"),
  footer: "Kenmerk BZ-2026-000123",
  blocks: [
    { kind: "heading", text: "Kopie van uw bezwaar" },
    { kind: "facts", rows: [{ label: "Kenmerk", value: "BZ-2026-000123" }, { label: "Ontvangen op", value: "zaterdag 28 november 2026, 11:00" }] },
    { kind: "heading", text: "Uw antwoorden", level: 2 },
    { kind: "paragraph", text: "Ik ben het niet eens met het besluit over mijn parkeervergunning. Café één, coöperatie: ëïé." },
    { kind: "table", columns: [{ label: "Bijlage", width: 0.4 }, { label: "Grootte", width: 0.15 }, { label: "SHA-256", width: 0.45 }], rows: [["besluit.pdf", "120 kB", "a".repeat(64)]] },
  ],
};

describe("renderPdf", () => {
  it("writes a PDF with its title, language and author, the text of every block, and page numbers", async () => {
    const pdf = await renderPdf(base);
    const loaded = await PDFDocument.load(pdf, { updateMetadata: false });
    expect(loaded.getTitle()).toBe("Kopie van uw bezwaar");
    expect(loaded.getAuthor()).toBe("Gemeente Voorbeeldstad");
    expect(loaded.getPageCount()).toBe(1);
    const text = pageTexts(pdf).flat().join("\n");
    expect(text).toContain("Gemeente Voorbeeldstad");
    expect(text).toContain("BZ-2026-000123");
    expect(text).toContain("Café één, coöperatie: ëïé.");
    expect(text).toContain("besluit.pdf");
    expect(text).toContain("Kenmerk BZ-2026-000123  |  Pagina 1 van 1");
    expect(Buffer.from(pdf).toString("latin1")).toContain("/Lang (nl-NL)");
  });

  it("gives the same bytes for the same document", async () => {
    expect(Buffer.from(await renderPdf(base)).equals(Buffer.from(await renderPdf(base)))).toBe(true);
  });

  it("continues on new pages, numbering them all, and keeps every line", async () => {
    const paragraphs = Array.from({ length: 120 }, (_, i) => ({ kind: "paragraph" as const, text: `Regel ${i + 1} van het antwoord.` }));
    const pdf = await renderPdf({ ...base, blocks: paragraphs });
    const pages = pageTexts(pdf);
    expect(pages.length).toBeGreaterThan(1);
    const all = pages.flat();
    for (let i = 1; i <= 120; i++) expect(all).toContain(`Regel ${i} van het antwoord.`);
    expect(all).toContain(`Kenmerk BZ-2026-000123  |  Pagina ${pages.length} van ${pages.length}`);
  });

  it("places a letter's address in the envelope window", async () => {
    const pdf = await renderPdf({ ...base, address: ["Familie Jansen", "Dorpsstraat 1", "1234 AB Voorbeeldstad"], blocks: [{ kind: "paragraph", text: "Beste heer, mevrouw," }] });
    const raw = pdf;
    const texts = pageTexts(raw)[0]!;
    expect(texts.slice(1, 4)).toEqual(["Familie Jansen", "Dorpsstraat 1", "1234 AB Voorbeeldstad"]);
    // The first address line sits inside the window: 24 mm from the left, 50-90 mm from the top.
    const content = inflateSync(Buffer.from(Buffer.from(raw).toString("latin1").match(/stream\r?\n([\s\S]*?)\r?\nendstream/)![1]!, "latin1")).toString("latin1");
    const position = content.match(/1 0 0 1 ([\d.]+) ([\d.]+) Tm\s*<46616D696C6965204A616E73656E> Tj/);
    expect(position).not.toBeNull();
    const mm = (pt: string) => (Number(pt) * 25.4) / 72;
    expect(mm(position![1]!)).toBeCloseTo(24, 0);
    expect(297 - mm(position![2]!)).toBeGreaterThan(50);
    expect(297 - mm(position![2]!)).toBeLessThan(90);
  });
});

describe("text helpers", () => {
  it("replaces what Helvetica cannot show, keeping the letter without its accent", async () => {
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    expect(encodable(font, "Łódź – €5 ≥ 3 😀")).toBe("Lódz – €5 ? 3 ?");
    expect(encodable(font, "a\r\nb\tc")).toBe("a\nb    c");
  });

  it("wraps on spaces and breaks words longer than a line", async () => {
    const font = await (await PDFDocument.create()).embedFont(StandardFonts.Helvetica);
    const lines = wrapText(font, 10, `kort ${"x".repeat(200)} einde`, 200);
    expect(lines[0]).toBe("kort");
    expect(lines.every((l) => font.widthOfTextAtSize(l, 10) <= 200)).toBe(true);
    expect(lines.join("").replaceAll(" ", "")).toBe(`kort${"x".repeat(200)}einde`);
    expect(lines.at(-1)).toMatch(/einde$/);
  });
});
