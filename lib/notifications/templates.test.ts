import { describe, expect, it } from "vitest";
import { noticeKinds } from "@/db/schema/notifications";
import { locales } from "../i18n";
import { escapeHtml, reactionExpected, renderNotice, renderNoticeCached, renderVerificationMail, TemplateError, type NoticeInput } from "./templates";

const base: NoticeInput = {
  kind: "decision",
  language: "nl",
  portalUrl: "https://mijn.voorbeeldstad.example",
  municipality: { name: "Gemeente Voorbeeldstad", phone: "14 0123" },
  termEndsOn: "2027-01-15",
};

describe("renderNotice", () => {
  const cases = noticeKinds.flatMap((kind) => locales.map((language) => [kind, language] as const));

  it.each(cases)("renders %s in %s with subject, text and HTML stating the term", (kind, language) => {
    const mail = renderNotice({ ...base, kind, language });
    expect(mail.subject).toMatch(/Gemeente Voorbeeldstad$/);
    expect(mail.text).toContain(language === "nl" ? "15 januari 2027" : "15 January 2027");
    expect(mail.html).toContain(language === "nl" ? "15 januari 2027" : "15 January 2027");
    expect(mail.html).toContain(`<html lang="${language}">`);
    // Links to the portal and to the settings where consent can be changed.
    expect(mail.text).toContain("https://mijn.voorbeeldstad.example/mijn");
    expect(mail.text).toContain("https://mijn.voorbeeldstad.example/mijn/instellingen");
    expect(mail.html).toContain('<a href="https://mijn.voorbeeldstad.example/mijn/instellingen">');
    // The four things the 2027 rule asks for each have their own heading.
    const headings = language === "nl" ? ["Wat voor bericht is het?", "Wat betekent dit voor u?", "Moet u iets doen?", "Tot wanneer?"] : ["What kind of message is it?", "What does this mean for you?", "Do you need to do anything?", "Until when?"];
    for (const heading of headings) {
      expect(mail.text).toContain(heading);
      expect(mail.html).toContain(heading);
    }
  });

  it("says so when no term runs", () => {
    const mail = renderNotice({ ...base, termEndsOn: null });
    expect(mail.text).toContain("Voor dit bericht loopt geen termijn.");
    expect(mail.text).not.toContain("Bezwaar maken kan tot en met");
  });

  it("links straight to the message when it is known", () => {
    const mail = renderNotice({ ...base, messageRef: "6b1f0c1e-2f3a-4c5d-8e9f-0a1b2c3d4e5f" });
    expect(mail.text).toContain("https://mijn.voorbeeldstad.example/mijn/berichten/6b1f0c1e-2f3a-4c5d-8e9f-0a1b2c3d4e5f");
  });

  it("tells whether a reaction is expected", () => {
    expect(reactionExpected("information-request")).toBe(true);
    expect(reactionExpected("receipt")).toBe(false);
    expect(renderNotice({ ...base, kind: "information-request" }).text).toContain("Ja. Wij vragen u om informatie te sturen.");
  });

  it("carries no personal details: the input has no field for them, and the output has no numbers but the term and phone", () => {
    const mail = renderNotice(base);
    const digits = mail.text.match(/\d+/g) ?? [];
    expect(digits.every((d) => ["15", "2027", "14", "0123"].includes(d))).toBe(true);
  });

  it("is a pure function: the same input gives the same mail", () => {
    expect(renderNotice(base)).toEqual(renderNotice({ ...base }));
  });

  it.each([
    ["an unknown kind", { kind: "tax-bill" as never }],
    ["an unknown language", { language: "de" as never }],
    ["a term that is no date", { termEndsOn: "15-01-2027" }],
    ["a term on a day that does not exist", { termEndsOn: "2027-02-30" }],
    ["a portal address that is no URL", { portalUrl: "mijn.voorbeeldstad" }],
  ])("refuses %s with a TemplateError", (_case, change) => {
    expect(() => renderNotice({ ...base, ...change })).toThrow(TemplateError);
  });

  it("escapes what goes into HTML", () => {
    expect(escapeHtml(`<a href="x">&'`)).toBe("&lt;a href=&quot;x&quot;&gt;&amp;&#39;");
    const mail = renderNotice({ ...base, municipality: { name: "Gemeente <b>X</b>", phone: "14 0123" } });
    expect(mail.html).toContain("Gemeente &lt;b&gt;X&lt;/b&gt;");
    expect(mail.html).not.toContain("<b>X</b>");
  });
});

describe("renderVerificationMail", () => {
  it("contains the link with the token and how long it works", () => {
    const token = "AbCdEfGhIjKlMnOpQrStUvWxYz0123456789_-ab";
    const mail = renderVerificationMail({ language: "nl", portalUrl: "https://mijn.voorbeeldstad.example/", token, hours: 48, municipality: base.municipality });
    expect(mail.subject).toBe("Bevestig uw e-mailadres - Gemeente Voorbeeldstad");
    expect(mail.text).toContain(`https://mijn.voorbeeldstad.example/email-bevestigen?code=${token}`);
    expect(mail.text).toContain("48 uur");
    expect(mail.html).toContain(`href="https://mijn.voorbeeldstad.example/email-bevestigen?code=${token}"`);
    expect(renderVerificationMail({ language: "en", portalUrl: "https://x.example", token, hours: 48, municipality: base.municipality }).subject).toMatch(/^Confirm your e-mail address/);
  });

  it("refuses a token that is not one we make", () => {
    expect(() => renderVerificationMail({ language: "nl", portalUrl: "https://x.example", token: "short", hours: 48, municipality: base.municipality })).toThrow(TemplateError);
  });
});

describe("renderNotice for a receipt with its facts", () => {
  const receipt = { reference: "BZ-2026-000123", receivedAt: new Date("2026-11-28T13:05:00Z"), receivedBy: "Gemeente Voorbeeldstad" };

  it.each([
    ["nl", "Kenmerk: BZ-2026-000123. Ontvangen op 28 november 2026 om 14:05 door Gemeente Voorbeeldstad.", "Gegevens van de ontvangst"],
    ["en", "Reference: BZ-2026-000123. Received on 28 November 2026 at 14:05 by Gemeente Voorbeeldstad.", "Receipt details"],
  ] as const)("in %s states the reference, the moment of receipt in Amsterdam time and the receiving body", (language, sentence, heading) => {
    const mail = renderNotice({ ...base, kind: "receipt", language, termEndsOn: null, receipt });
    expect(mail.text).toContain(heading);
    expect(mail.text).toContain(sentence);
    expect(mail.html).toContain(escapeHtml(sentence));
  });

  it("leaves the facts out when there are none, and never puts them in a notice of another kind", () => {
    expect(renderNotice({ ...base, kind: "receipt", termEndsOn: null }).text).not.toContain("Kenmerk:");
    expect(renderNotice({ ...base, kind: "decision", receipt }).text).not.toContain("BZ-2026-000123");
  });

  it("refuses facts it cannot show", () => {
    expect(() => renderNotice({ ...base, kind: "receipt", receipt: { ...receipt, reference: "<script>" } })).toThrow(TemplateError);
    expect(() => renderNotice({ ...base, kind: "receipt", receipt: { ...receipt, receivedAt: new Date("nonsense") } })).toThrow(TemplateError);
  });
});

describe("renderNoticeCached", () => {
  const base: NoticeInput = { kind: "decision", language: "nl", portalUrl: "https://mijn.voorbeeldstad.example", municipality: { name: "Gemeente Voorbeeldstad", phone: "14 020" }, termEndsOn: "2027-01-15" };

  it("gives what renderNotice gives, for every input that differs in any field", () => {
    const receivedAt = new Date("2026-11-29T09:15:00Z");
    const inputs: NoticeInput[] = [
      base,
      { ...base, termEndsOn: "2027-01-16" },
      { ...base, language: "en" },
      { ...base, messageRef: "bericht-1" },
      { ...base, messageRef: "bericht-2" },
      { ...base, municipality: { name: "Gemeente Anderstad", phone: "14 020" } },
      { ...base, municipality: { name: "Gemeente Voorbeeldstad", phone: "14 021" } },
      { ...base, portalUrl: "https://mijn.anderstad.example" },
      { ...base, kind: "receipt", receipt: { reference: "KL-2026-000001", receivedAt, receivedBy: "Gemeente Voorbeeldstad" } },
      { ...base, kind: "receipt", receipt: { reference: "KL-2026-000002", receivedAt, receivedBy: "Gemeente Voorbeeldstad" } },
      { ...base, kind: "receipt", receipt: { reference: "KL-2026-000002", receivedAt: new Date(receivedAt.getTime() + 60_000), receivedBy: "Gemeente Voorbeeldstad" } },
    ];
    for (let round = 0; round < 2; round++) for (const input of inputs) expect(renderNoticeCached(input)).toEqual(renderNotice(input));
  });

  it("throws as renderNotice does, every time", () => {
    const bad = { ...base, language: "de" as never };
    expect(() => renderNoticeCached(bad)).toThrow(TemplateError);
    expect(() => renderNoticeCached(bad)).toThrow(TemplateError);
  });
});
