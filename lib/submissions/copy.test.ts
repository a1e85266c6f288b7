import { describe, expect, it } from "vitest";
import { formatFileSize, submissionCopyDocument, type SubmissionCopy } from "./copy";

const copy: SubmissionCopy = {
  reference: "BZ-2026-000123",
  receivedAt: new Date("2026-11-28T13:05:00Z"),
  issuer: "Gemeente Voorbeeldstad",
  productName: "Bezwaar maken",
  messageTypeLabel: "bezwaar",
  channelLabel: "Webformulier in MijnOmgeving",
  loginLevelLabel: "DigiD Midden",
  onBehalfOf: false,
  form: { name: "Bezwaar maken", version: 3 },
  sections: [
    { title: "Het besluit", answers: [{ question: "Datum van het besluit", answer: "12-11-2026" }, { question: "Kenmerk van het besluit", answer: "" }] },
    { title: "Uw bezwaar", answers: [{ question: "Waarom bent u het niet eens met het besluit?", answer: "De vergunning is ten onrechte geweigerd." }] },
  ],
  attachments: [{ fileName: "besluit.pdf", sizeBytes: 1_234_567, sha256: "f".repeat(64) }],
  submissionHash: "a".repeat(64),
};

describe("submissionCopyDocument", () => {
  it("holds the receipt facts, every question with its answer, the attachments with hashes and the hash of the whole", () => {
    const spec = submissionCopyDocument(copy, "nl");
    expect(spec.title).toBe("Kopie van uw bezwaar: Bezwaar maken");
    expect(spec.createdAt).toEqual(copy.receivedAt);
    const text = JSON.stringify(spec.blocks);
    expect(text).toContain("BZ-2026-000123");
    expect(text).toContain("28 november 2026 om 14:05"); // Europe/Amsterdam
    expect(text).toContain("Datum van het besluit");
    expect(text).toContain("(niet ingevuld)");
    expect(text).toContain("De vergunning is ten onrechte geweigerd.");
    expect(text).toContain("besluit.pdf");
    expect(text).toContain("1,2 MB");
    expect(text).toContain("f".repeat(64));
    expect(text).toContain("a".repeat(64));
    expect(text).toContain("bevestigt dat uw bericht is ontvangen");
    expect(spec.footer).toBe("Kenmerk BZ-2026-000123");
    expect(text).not.toContain("namens u");
    expect(JSON.stringify(submissionCopyDocument({ ...copy, onBehalfOf: true }, "nl").blocks)).toContain("Webformulier in MijnOmgeving. Verstuurd door een medewerker namens u.");
  });

  it("speaks English when asked, and says so when there are no attachments", () => {
    const spec = submissionCopyDocument({ ...copy, attachments: [] }, "en");
    const text = JSON.stringify(spec.blocks);
    expect(text).toContain("Your answers");
    expect(text).toContain("You did not send any attachments.");
    expect(text).toContain("28 November 2026 at 14:05");
  });
});

describe("formatFileSize", () => {
  it.each([
    [512, "nl", "512 bytes"],
    [820_400, "nl", "820 kB"],
    [1_234_567, "nl", "1,2 MB"],
    [1_234_567, "en", "1.2 MB"],
  ] as const)("%i in %s is %s", (bytes, locale, expected) => {
    expect(formatFileSize(bytes, locale)).toBe(expected);
  });
});
