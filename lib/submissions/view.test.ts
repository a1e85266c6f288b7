import { describe, expect, it } from "vitest";
import type { FormDefinition } from "../catalogue/forms/definition";
import { recordHash } from "./record";
import { attachmentDisposition, copyOf, hashMatches, storedAnswers, type StoredSubmission } from "./view";

const definition = {
  formatVersion: 1,
  title: { nl: "Klacht indienen", en: "Make a complaint" },
  steps: [
    {
      title: { nl: "Uw klacht", en: "Your complaint" },
      fields: [
        { id: "wat", kind: "longText", label: { nl: "Wat is er gebeurd?", en: "What happened?" } },
        { id: "afdeling", kind: "choice", display: "radio", label: { nl: "Welke afdeling?", en: "Which department?" }, options: [{ value: "balie", label: { nl: "Balie", en: "Counter" } }] },
        { id: "bijlagen", kind: "file", label: { nl: "Bijlagen", en: "Attachments" }, optional: true },
      ],
    },
  ],
} as unknown as FormDefinition;

function stored(): StoredSubmission {
  const s: Omit<StoredSubmission, "hash"> = {
    id: "11111111-1111-4111-8111-111111111111",
    reference: "KL-2026-000007",
    partyId: "22222222-2222-4222-8222-222222222222",
    productId: "33333333-3333-4333-8333-333333333333",
    formVersionId: "44444444-4444-4444-8444-444444444444",
    messageType: "klacht",
    channelId: "55555555-5555-4555-8555-555555555555",
    loginLevel: "midden",
    onBehalfStaffId: null,
    payload: { wat: "Lang gewacht.\nTwee uur.", afdeling: "balie", bijlagen: ["b2", "b1"] },
    receivedAt: new Date("2026-11-27T10:15:00Z"),
    attachments: [
      { id: "b1", blobKey: "k1", fieldId: "bijlagen", position: 1, fileName: "tweede.pdf", fileType: "pdf", sizeBytes: 2000, sha256: "b".repeat(64) },
      { id: "b2", blobKey: "k2", fieldId: "bijlagen", position: 0, fileName: "eerste.jpg", fileType: "jpeg", sizeBytes: 1000, sha256: "a".repeat(64) },
    ],
    product: { nameNl: "Klacht indienen", nameEn: "Make a complaint" },
    channel: { nameNl: "Webformulier", nameEn: "Web form" },
    form: { version: 2, definition },
  };
  return { ...s, hash: recordHash(s) };
}

describe("a stored submission", () => {
  it("lists every question with its answer in form order, file fields naming their attachments", () => {
    expect(storedAnswers(stored(), "nl")).toEqual([
      {
        title: "Uw klacht",
        answers: [
          { question: "Wat is er gebeurd?", answer: "Lang gewacht.\nTwee uur." },
          { question: "Welke afdeling?", answer: "Balie" },
          { question: "Bijlagen", answer: "eerste.jpg\ntweede.pdf" },
        ],
      },
    ]);
  });

  it("makes the copy from the stored rows: attachments in position order, its own hash, level and form version", () => {
    const copy = copyOf(stored(), "en", "Gemeente Voorbeeldstad");
    expect(copy.attachments.map((a) => a.fileName)).toEqual(["eerste.jpg", "tweede.pdf"]);
    expect(copy.submissionHash).toBe(stored().hash);
    expect(copy).toMatchObject({ reference: "KL-2026-000007", messageTypeLabel: "complaint", loginLevelLabel: "DigiD Midden", form: { name: "Make a complaint", version: 2 }, onBehalfOf: false });
  });

  it("notices when a stored row no longer matches the hash", () => {
    expect(hashMatches(stored())).toBe(true);
    expect(hashMatches({ ...stored(), payload: { ...stored().payload, wat: "Iets anders." } })).toBe(false);
    const changed = stored();
    changed.attachments[0] = { ...changed.attachments[0]!, sha256: "c".repeat(64) };
    expect(hashMatches(changed)).toBe(false);
  });
});

describe("attachmentDisposition", () => {
  it.each([
    ["besluit.pdf", `attachment; filename="besluit.pdf"; filename*=UTF-8''besluit.pdf`],
    ["foto balie.jpg", `attachment; filename="foto balie.jpg"; filename*=UTF-8''foto%20balie.jpg`],
    ["brief café \"2\".pdf", `attachment; filename="brief cafe _2_.pdf"; filename*=UTF-8''brief%20caf%C3%A9%20%222%22.pdf`],
    ["../../etc/passwd", `attachment; filename="passwd"; filename*=UTF-8''passwd`],
    ["..", `attachment; filename="bijlage"; filename*=UTF-8''bijlage`],
    ["a\r\nSet-Cookie: x.pdf", `attachment; filename="a__Set-Cookie_ x.pdf"; filename*=UTF-8''aSet-Cookie%3A%20x.pdf`],
  ])("%j", (name, header) => {
    expect(attachmentDisposition(name)).toBe(header);
  });
});
