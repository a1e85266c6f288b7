import { randomUUID } from "node:crypto";
import { mkdirSync, writeFileSync } from "node:fs";
import path from "node:path";
import nodemailer from "nodemailer";
import { buildMessage } from "./mime";
import { createSmtpPool } from "./smtp-pool";

/**
 * The mail transport: SMTP through nodemailer (pooled connections) when SMTP_URL is set,
 * otherwise files in <DATA_DIR>/mail for the demo mailbox. The notification engine builds
 * on this; it never talks to nodemailer itself.
 */

export interface OutgoingMail {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** Stable id for this mail; becomes the Message-ID so a resend is recognisable. */
  idempotencyKey: string;
  headers?: Record<string, string>;
}

export interface SentMail {
  messageId: string;
  /** What the receiving server said (SMTP) or where the file went. */
  response: string;
}

export interface MailTransport {
  kind: "smtp" | "file";
  send(mail: OutgoingMail): Promise<SentMail>;
  close(): void;
}

/** A temporary failure is worth retrying; a permanent one (5xx, refused address) is not. */
export type MailFailureKind = "temporary" | "permanent";

/** Classifies a transport error by its SMTP response code; network errors are temporary. */
export function classifyMailError(error: unknown): MailFailureKind {
  const code = (error as { responseCode?: number }).responseCode;
  if (typeof code === "number") return code >= 500 ? "permanent" : "temporary";
  const kind = (error as { code?: string }).code;
  if (kind === "EENVELOPE") return "permanent";
  return "temporary";
}

/** What a failed send tells: temporary or permanent, the SMTP code if any, and what was said. */
export interface MailFailure {
  kind: MailFailureKind;
  responseCode: number | null;
  detail: string;
}

/** Describes a transport error for the delivery record: its class, SMTP code and the server's answer (or the network error). */
export function describeMailFailure(error: unknown): MailFailure {
  const e = (error ?? {}) as { responseCode?: unknown; response?: unknown; code?: unknown; message?: unknown };
  const responseCode = typeof e.responseCode === "number" ? e.responseCode : null;
  const said = typeof e.response === "string" && e.response ? e.response : typeof e.message === "string" ? e.message : String(error);
  const code = typeof e.code === "string" ? `${e.code}: ` : "";
  return { kind: classifyMailError(error), responseCode, detail: `${code}${said}`.slice(0, 500) };
}

/** The Message-ID header a mail with this idempotency key gets, from the sender's domain. The same key always gives the same id. */
export function messageIdForKey(idempotencyKey: string, from: string): string {
  const domain = from.match(/@([^>\s]+)/)?.[1] ?? "mijnomgeving.local";
  return `<${idempotencyKey.replace(/[^A-Za-z0-9._-]/g, "-")}@${domain}>`;
}

function messageIdFor(mail: OutgoingMail, domainOf: string): string {
  return messageIdForKey(mail.idempotencyKey, domainOf);
}

/**
 * An SMTP transport with pooled connections. Each mail is built whole first (lib/mail/mime.ts:
 * nodemailer's composer, the encoded body of the same content built once) and goes out as one
 * buffer over a pool of nodemailer SMTP connections (lib/mail/smtp-pool.ts). Like nodemailer's
 * pool with maxRequeues 0, a message whose connection broke fails back to the caller instead
 * of being sent again later behind its back: the notification engine retries itself, with a
 * record of every attempt; a hidden second send would break "deliver once". Pool settings come
 * from the URL (?maxConnections=5&maxMessages=100, the defaults).
 */
export function createSmtpTransport(smtpUrl: string): MailTransport {
  const url = new URL(smtpUrl);
  url.searchParams.delete("pool");
  const pool = createSmtpPool(url.toString());
  return {
    kind: "smtp",
    async send(mail) {
      const messageId = messageIdFor(mail, mail.from);
      const { message, envelope } = await buildMessage({ from: mail.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, headers: mail.headers, messageId });
      if (!envelope.from || envelope.to.length === 0) throw Object.assign(new Error(`No sender or recipient address in "${mail.from}" / "${mail.to}"`), { code: "EENVELOPE" });
      const info = await pool.send({ from: envelope.from, to: envelope.to, message });
      return { messageId, response: info.response };
    },
    close: () => pool.close(),
  };
}

/** What the demo mailbox keeps beside each .eml file. */
export interface StoredMail {
  id: string;
  messageId: string;
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  sentAt: string;
}

/** A transport that writes each mail as .eml plus a .json summary into a folder. */
export function createFileTransport(folder: string): MailTransport {
  const transporter = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: "unix" });
  return {
    kind: "file",
    async send(mail) {
      mkdirSync(folder, { recursive: true });
      const messageId = messageIdFor(mail, mail.from);
      const info = await transporter.sendMail({
        from: mail.from,
        to: mail.to,
        subject: mail.subject,
        text: mail.text,
        html: mail.html,
        headers: mail.headers,
        messageId,
      });
      const sentAt = new Date();
      // Sortable by time, unique, and safe as a file and URL name.
      const id = `${sentAt.toISOString().replace(/[:.]/g, "-")}-${randomUUID().slice(0, 8)}`;
      writeFileSync(path.join(folder, `${id}.eml`), info.message as Buffer);
      const stored: StoredMail = { id, messageId, from: mail.from, to: mail.to, subject: mail.subject, text: mail.text, html: mail.html, sentAt: sentAt.toISOString() };
      writeFileSync(path.join(folder, `${id}.json`), JSON.stringify(stored, null, 2));
      return { messageId, response: `written to ${id}.eml` };
    },
    close: () => {},
  };
}
