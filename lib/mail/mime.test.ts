import MailComposer from "nodemailer/lib/mail-composer";
import { beforeEach, describe, expect, it } from "vitest";
import { renderNotice } from "../notifications/templates";
import { buildMessage, clearMessageCache, type MessageInput } from "./mime";

const FROM = "Gemeente Voorbeeldstad <noreply@voorbeeldstad.example>";
const DATE = new Date("2026-11-29T07:00:00Z");

/** What nodemailer composes for the same mail, the way sendMail() would without `raw`. */
function nodemailerMessage(input: MessageInput, baseBoundary: string): Promise<Buffer> {
  return new MailComposer({ from: input.from, to: input.to, subject: input.subject, text: input.text, html: input.html, headers: input.headers, messageId: input.messageId, date: input.date, baseBoundary }).compile().build();
}

function notice(kind: "receipt" | "decision", language: "nl" | "en", termEndsOn: string | null) {
  return renderNotice({ kind, language, portalUrl: "https://mijn.voorbeeldstad.example", municipality: { name: "Gemeente Voorbeeldstad", phone: "14 020" }, termEndsOn });
}

describe("buildMessage (prebuilt raw messages)", () => {
  beforeEach(() => clearMessageCache());

  it("gives byte for byte what nodemailer composes, for every mail that shares a cached body", async () => {
    const mail = notice("decision", "nl", "2027-01-15");
    for (let i = 0; i < 3; i++) {
      const input = { from: FROM, to: `inwoner-${i}@example.org`, subject: mail.subject, text: mail.text, html: mail.html, messageId: `<notificatie-${i}@voorbeeldstad.example>`, date: DATE };
      const built = await buildMessage(input, { baseBoundary: "vast" });
      expect(built.message.toString("utf8")).toBe((await nodemailerMessage(input, "vast")).toString("utf8"));
      expect(built.envelope).toEqual({ from: "noreply@voorbeeldstad.example", to: [`inwoner-${i}@example.org`] });
    }
  });

  it("keeps each mail's own recipient, Message-ID and date, and encodes non-ASCII headers as nodemailer does", async () => {
    const mail = notice("receipt", "en", null);
    const inputs: MessageInput[] = [
      { from: FROM, to: "a@example.org", subject: mail.subject, text: mail.text, html: mail.html, messageId: "<een@voorbeeldstad.example>", date: DATE },
      // Same body, another header block: a non-ASCII display name, a long non-ASCII subject (folded), a custom header.
      {
        from: "Gemeente Súdwest-Fryslân <noreply@sudwestfryslan.example>",
        to: "Jöran de Vries <joran@example.org>",
        subject: `Beslissing op uw aanvraag - één termijn loopt - ${"lang onderwerp ".repeat(8)}`,
        text: mail.text,
        html: mail.html,
        messageId: "<twee@voorbeeldstad.example>",
        date: new Date("2027-03-01T12:34:56Z"),
        headers: { "X-Notice-Kind": "receipt" },
      },
    ];
    for (const input of inputs) {
      const built = (await buildMessage(input, { baseBoundary: "vast" })).message.toString("utf8");
      expect(built).toBe((await nodemailerMessage(input, "vast")).toString("utf8"));
      expect(built).toContain(`Message-ID: ${input.messageId}\r\n`);
    }
    // The envelope holds the bare addresses, whatever the display names.
    expect((await buildMessage(inputs[1]!)).envelope).toEqual({ from: "noreply@sudwestfryslan.example", to: ["joran@example.org"] });
  });

  it("composes a mail without HTML, or with its own Content-* header, whole", async () => {
    const plain = { from: FROM, to: "a@example.org", subject: "Bevestig uw e-mailadres", text: "Open deze link.", messageId: "<drie@voorbeeldstad.example>", date: DATE };
    expect((await buildMessage(plain, { baseBoundary: "vast" })).message.toString()).toBe((await nodemailerMessage(plain, "vast")).toString());
    const language = { ...plain, html: "<p>Open deze link.</p>", headers: { "Content-Language": "nl" } };
    expect((await buildMessage(language, { baseBoundary: "vast" })).message.toString()).toBe((await nodemailerMessage(language, "vast")).toString());
  });

  it("never gives one mail's body to a mail with other content", async () => {
    const a = notice("decision", "nl", "2027-01-15");
    const b = notice("decision", "nl", "2027-01-16");
    const input = (m: typeof a, i: number) => ({ from: FROM, to: `x${i}@example.org`, subject: m.subject, text: m.text, html: m.html, messageId: `<m${i}@voorbeeldstad.example>`, date: DATE });
    await buildMessage(input(a, 1), { baseBoundary: "vast" });
    const second = (await buildMessage(input(b, 2), { baseBoundary: "vast" })).message.toString();
    expect(second).toBe((await nodemailerMessage(input(b, 2), "vast")).toString());
    expect(second).toContain("16 januari 2027");
    expect(second).not.toContain("15 januari 2027");
  });
});
