import { existsSync, readFileSync, rmSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import path from "node:path";
import { SMTPServer } from "smtp-server";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { classifyMailError, createFileTransport, createSmtpTransport, type MailTransport, type OutgoingMail, type StoredMail } from "@/lib/mail/transport";

interface Received {
  from: string;
  to: string[];
  raw: string;
}

const FROM = "Gemeente Voorbeeldstad <noreply@voorbeeldstad.example>";

function mail(overrides: Partial<OutgoingMail> = {}): OutgoingMail {
  return {
    from: FROM,
    to: "inwoner@example.org",
    subject: "Uw aanvraag is ontvangen",
    text: "Wij hebben uw aanvraag ontvangen. U hoort binnen 8 weken van ons.",
    idempotencyKey: "receipt:zaak-2026-0001",
    ...overrides,
  };
}

/** A header's value from a raw message (unfolded). */
function header(raw: string, name: string): string | undefined {
  const head = raw.split(/\r?\n\r?\n/)[0]!.replace(/\r?\n[ \t]+/g, " ");
  return head
    .split(/\r?\n/)
    .find((line) => line.toLowerCase().startsWith(`${name.toLowerCase()}:`))
    ?.slice(name.length + 1)
    .trim();
}

function smtpError(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

describe("SMTP transport against a real SMTP server", () => {
  const received: Received[] = [];
  let server: SMTPServer;
  let port: number;
  let transport: MailTransport;

  beforeAll(async () => {
    server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onRcptTo(address, _session, callback) {
        // The local part chooses the answer, as a real server's policy would.
        if (address.address.startsWith("unknown@")) return callback(smtpError("5.1.1 No such user here", 550));
        if (address.address.startsWith("greylisted@")) return callback(smtpError("4.7.1 Greylisted, please try again later", 451));
        callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", () => {
          const raw = Buffer.concat(chunks).toString("utf8");
          if (raw.includes("Subject: Te groot")) return callback(smtpError("5.3.4 Message too big for system", 552));
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
            to: session.envelope.rcptTo.map((r) => r.address),
            raw,
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    port = (server.server.address() as AddressInfo).port;
  });

  afterEach(() => {
    transport?.close();
    received.length = 0;
  });

  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  it("delivers the mail with subject, recipient and a stable Message-ID", async () => {
    transport = createSmtpTransport(`smtp://127.0.0.1:${port}`);
    expect(transport.kind).toBe("smtp");
    const sent = await transport.send(mail());
    expect(sent.messageId).toBe("<receipt-zaak-2026-0001@voorbeeldstad.example>");
    expect(sent.response).toMatch(/^250/);

    expect(received).toHaveLength(1);
    const [message] = received;
    expect(message!.from).toBe("noreply@voorbeeldstad.example");
    expect(message!.to).toEqual(["inwoner@example.org"]);
    expect(header(message!.raw, "Subject")).toBe("Uw aanvraag is ontvangen");
    expect(header(message!.raw, "To")).toBe("inwoner@example.org");
    expect(header(message!.raw, "Message-ID")).toBe("<receipt-zaak-2026-0001@voorbeeldstad.example>");
    expect(message!.raw).toContain("U hoort binnen 8 weken van ons.");

    // Sending the same mail again (a retried job) carries the same Message-ID, so the receiving side can drop it.
    await transport.send(mail({ subject: "Uw aanvraag is ontvangen (opnieuw)" }));
    expect(header(received[1]!.raw, "Message-ID")).toBe("<receipt-zaak-2026-0001@voorbeeldstad.example>");
    // Another mail gets another one.
    const other = await transport.send(mail({ idempotencyKey: "receipt:zaak-2026-0002" }));
    expect(other.messageId).toBe("<receipt-zaak-2026-0002@voorbeeldstad.example>");
  });

  it.each([
    ["a 550 for an unknown recipient", "permanent", "unknown@example.org", {}, 550],
    ["a 451 greylisting answer", "temporary", "greylisted@example.org", {}, 451],
    ["a 552 for the message itself", "permanent", "inwoner@example.org", { subject: "Te groot" }, 552],
  ] as const)("classifies %s as %s", async (_case, kind, to, overrides, code) => {
    transport = createSmtpTransport(`smtp://127.0.0.1:${port}`);
    let error: unknown;
    try {
      await transport.send(mail({ to, ...overrides }));
    } catch (e) {
      error = e;
    }
    expect(error).toBeDefined();
    expect((error as { responseCode?: number }).responseCode).toBe(code);
    expect(classifyMailError(error)).toBe(kind);
    expect(received).toHaveLength(0);
  });

  it("classifies an unreachable server as temporary", async () => {
    // A port that was free a moment ago: nothing listens there.
    const probe = createServer();
    await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
    const closedPort = (probe.address() as AddressInfo).port;
    await new Promise<void>((resolve) => probe.close(() => resolve()));

    transport = createSmtpTransport(`smtp://127.0.0.1:${closedPort}`);
    const error = await transport.send(mail()).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(String((error as Error).message)).toMatch(/ECONNREFUSED/);
    expect((error as { responseCode?: number }).responseCode).toBeUndefined();
    expect(classifyMailError(error)).toBe("temporary");
  });
});

describe("classifyMailError", () => {
  it.each([
    [{ responseCode: 421 }, "temporary"],
    [{ responseCode: 450 }, "temporary"],
    [{ responseCode: 500 }, "permanent"],
    [{ responseCode: 554 }, "permanent"],
    [{ code: "EENVELOPE" }, "permanent"],
    [{ code: "ETIMEDOUT" }, "temporary"],
    [new Error("socket hang up"), "temporary"],
  ])("classifies %j as %s", (error, kind) => {
    expect(classifyMailError(error)).toBe(kind);
  });
});

describe("file transport", () => {
  const folder = path.join(process.env.DATA_DIR!, "mail-file-transport");

  afterAll(() => {
    rmSync(folder, { recursive: true, force: true });
  });

  it("writes each mail as .eml with a .json summary beside it", async () => {
    const transport = createFileTransport(folder);
    expect(transport.kind).toBe("file");
    const sent = await transport.send(mail({ html: "<p>Wij hebben uw aanvraag ontvangen.</p>" }));
    expect(sent.messageId).toBe("<receipt-zaak-2026-0001@voorbeeldstad.example>");

    const id = sent.response.match(/^written to (.+)\.eml$/)?.[1];
    expect(id).toMatch(/^[0-9TZ-]+-[0-9a-f]{8}$/);
    const eml = path.join(folder, `${id}.eml`);
    const json = path.join(folder, `${id}.json`);
    expect(existsSync(eml)).toBe(true);
    expect(existsSync(json)).toBe(true);

    const raw = readFileSync(eml, "utf8");
    expect(header(raw, "Subject")).toBe("Uw aanvraag is ontvangen");
    expect(header(raw, "To")).toBe("inwoner@example.org");
    expect(header(raw, "Message-ID")).toBe(sent.messageId);

    const stored = JSON.parse(readFileSync(json, "utf8")) as StoredMail;
    expect(stored).toMatchObject({
      id,
      messageId: sent.messageId,
      from: FROM,
      to: "inwoner@example.org",
      subject: "Uw aanvraag is ontvangen",
      text: mail().text,
      html: "<p>Wij hebben uw aanvraag ontvangen.</p>",
    });
    expect(Number.isNaN(Date.parse(stored.sentAt))).toBe(false);

    // A second mail is a second pair of files, not an overwrite.
    const second = await transport.send(mail({ idempotencyKey: "receipt:zaak-2026-0002" }));
    expect(second.response).not.toBe(sent.response);
  });
});
