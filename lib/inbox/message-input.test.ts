import { describe, expect, it } from "vitest";
import { messagesFor } from "../i18n";
import { attachmentProblems, BODY_MAX, sendMessageInput, SUBJECT_MAX } from "./message-input";

const today = "2026-09-01";
const parse = (input: Record<string, unknown>) => sendMessageInput(today).safeParse(input);
const base = { soort: "informatie", onderwerp: "Uw aanvraag is in behandeling", tekst: "Wij hebben uw aanvraag in behandeling genomen." };

/** The first message per field, as keys. */
function errors(input: Record<string, unknown>): Record<string, string> {
  const result = parse(input);
  if (result.success) return {};
  const out: Record<string, string> = {};
  for (const issue of result.error.issues) out[String(issue.path[0] ?? "_form")] ??= issue.message;
  return out;
}

function text(key: string, locale: "nl" | "en" = "nl"): string {
  const found = key.split(".").reduce<unknown>((node, part) => (node as Record<string, unknown>)?.[part], messagesFor(locale));
  if (typeof found !== "string") throw new Error(`no text for ${key}`);
  return found;
}

describe("the input of a message to send", () => {
  it("accepts an information message and an information request with a term in days, weeks or a date", () => {
    expect(parse(base)).toMatchObject({ success: true, data: { kind: "information", subject: base.onderwerp, body: base.tekst, term: null, replacesMessageId: null } });
    expect(parse({ ...base, soort: "besluit" })).toMatchObject({ success: true, data: { kind: "decision", term: null } });
    expect(parse({ ...base, soort: "verzoek", "termijn-eenheid": "dagen", "termijn-aantal": "14" })).toMatchObject({ success: true, data: { kind: "information-request", term: { amount: 14, unit: "days" } } });
    expect(parse({ ...base, soort: "verzoek", "termijn-eenheid": "weken", "termijn-aantal": " 3 " })).toMatchObject({ success: true, data: { term: { amount: 3, unit: "weeks" } } });
    expect(parse({ ...base, soort: "verzoek", "termijn-eenheid": "datum", "termijn-datum": "2026-09-02" })).toMatchObject({ success: true, data: { term: { endsOn: "2026-09-02" } } });
  });

  it("a correction refers to the message it corrects", () => {
    const id = "0b7e5c0e-9a55-4c4f-8f0e-3d1d2c9a1b2c";
    expect(parse({ ...base, vervangt: id })).toMatchObject({ success: true, data: { replacesMessageId: id } });
    expect(errors({ ...base, vervangt: "42" })).toEqual({ vervangt: "sendingMessages.validation.replaces" });
  });

  it("normalises line ends and trims, and keeps the text otherwise as typed", () => {
    const result = parse({ ...base, tekst: "  Regel 1\r\nRegel 2\r\n\r\n  Regel 3  " });
    expect(result.success && result.data.body).toBe("Regel 1\nRegel 2\n\n  Regel 3");
  });

  it.each([
    [{ ...base, soort: "" }, "soort", "kind"],
    [{ ...base, soort: "ontvangstbevestiging" }, "soort", "kind"],
    [{ ...base, onderwerp: "   " }, "onderwerp", "subjectRequired"],
    [{ ...base, onderwerp: undefined }, "onderwerp", "subjectRequired"],
    [{ ...base, onderwerp: "x".repeat(SUBJECT_MAX + 1) }, "onderwerp", "subjectTooLong"],
    [{ ...base, tekst: "\r\n  " }, "tekst", "bodyRequired"],
    [{ ...base, tekst: "x".repeat(BODY_MAX + 1) }, "tekst", "bodyTooLong"],
    [{ ...base, soort: "verzoek" }, "termijn-eenheid", "termRequired"],
    [{ ...base, soort: "verzoek", "termijn-aantal": "5" }, "termijn-eenheid", "termUnit"],
    [{ ...base, soort: "verzoek", "termijn-eenheid": "maanden", "termijn-aantal": "2" }, "termijn-eenheid", "termUnit"],
    [{ ...base, soort: "verzoek", "termijn-eenheid": "dagen" }, "termijn-aantal", "termRequired"],
    [{ ...base, soort: "verzoek", "termijn-eenheid": "dagen", "termijn-aantal": "0" }, "termijn-aantal", "termDays"],
    [{ ...base, soort: "verzoek", "termijn-eenheid": "dagen", "termijn-aantal": "183" }, "termijn-aantal", "termDays"],
    [{ ...base, soort: "verzoek", "termijn-eenheid": "dagen", "termijn-aantal": "twee" }, "termijn-aantal", "termDays"],
    [{ ...base, soort: "verzoek", "termijn-eenheid": "weken", "termijn-aantal": "1,5" }, "termijn-aantal", "termWeeks"],
    [{ ...base, soort: "verzoek", "termijn-eenheid": "weken", "termijn-aantal": "27" }, "termijn-aantal", "termWeeks"],
    [{ ...base, soort: "verzoek", "termijn-eenheid": "datum" }, "termijn-datum", "termRequired"],
    [{ ...base, soort: "verzoek", "termijn-eenheid": "datum", "termijn-datum": "2026-09-01" }, "termijn-datum", "termInThePast"],
    [{ ...base, soort: "verzoek", "termijn-eenheid": "datum", "termijn-datum": "2025-12-31" }, "termijn-datum", "termInThePast"],
    [{ ...base, soort: "verzoek", "termijn-eenheid": "datum", "termijn-datum": "2027-03-02" }, "termijn-datum", "termTooFar"],
    [{ ...base, soort: "verzoek", "termijn-eenheid": "datum", "termijn-datum": "31-02-2027" }, "termijn-datum", "termDate"],
    [{ ...base, soort: "besluit", "termijn-eenheid": "dagen", "termijn-aantal": "5" }, "termijn-eenheid", "termNotAllowed"],
  ])("%o is refused on %s with %s", (input, field, key) => {
    expect(errors(input)[field]).toBe(`sendingMessages.validation.${key}`);
  });

  it("every message key has a Dutch and an English text, and the texts name the limits", () => {
    for (const key of Object.keys(messagesFor("nl").sendingMessages.validation)) {
      expect(text(`sendingMessages.validation.${key}`, "nl")).toBeTruthy();
      expect(text(`sendingMessages.validation.${key}`, "en")).toBeTruthy();
    }
    expect(text("sendingMessages.validation.subjectTooLong")).toContain(String(SUBJECT_MAX));
    expect(text("sendingMessages.validation.bodyTooLong")).toContain("20.000");
    expect(text("sendingMessages.validation.termDays")).toContain("1 tot en met 182 dagen");
    expect(text("sendingMessages.validation.termWeeks")).toContain("1 tot en met 26 weken");
  });
});

describe("the attachments of a message", () => {
  it("must be PDFs, judged by the type read from the content, not by the name", () => {
    expect(attachmentProblems([{ fileName: "besluit.pdf", fileType: "pdf" }], "nl")).toEqual([]);
    expect(attachmentProblems([{ fileName: "besluit.pdf", fileType: "docx" }, { fileName: "foto.jpg", fileType: "jpeg" }, { fileName: "raar.pdf", fileType: null }], "nl")).toEqual([
      "besluit.pdf is geen PDF. Bij een bericht kunt u alleen PDF-bestanden meesturen. Sla het bestand op als PDF.",
      "foto.jpg is geen PDF. Bij een bericht kunt u alleen PDF-bestanden meesturen. Sla het bestand op als PDF.",
      "raar.pdf is geen PDF. Bij een bericht kunt u alleen PDF-bestanden meesturen. Sla het bestand op als PDF.",
    ]);
    expect(attachmentProblems([{ fileName: "a.docx", fileType: "docx" }], "en")).toEqual(["a.docx is not a PDF. Only PDF files can be attached to a message. Save the file as a PDF."]);
  });

  it("at most 20", () => {
    const files = Array.from({ length: 21 }, (_, i) => ({ fileName: `${i}.pdf`, fileType: "pdf" }));
    expect(attachmentProblems(files.slice(0, 20), "nl")).toEqual([]);
    expect(attachmentProblems(files, "nl")).toEqual(["U kunt hoogstens 20 bijlagen meesturen."]);
  });
});
