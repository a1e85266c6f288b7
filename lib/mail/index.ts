import path from "node:path";
import { env } from "../env";
import { createFileTransport, createSmtpTransport, type MailTransport } from "./transport";

const globalForMail = globalThis as unknown as { __portalMailTransport?: MailTransport };

/** The process mail transport: SMTP when SMTP_URL is set, otherwise files in <DATA_DIR>/mail. */
export function mailTransport(): MailTransport {
  if (!globalForMail.__portalMailTransport) {
    const e = env();
    globalForMail.__portalMailTransport = e.smtpUrl ? createSmtpTransport(e.smtpUrl) : createFileTransport(path.join(e.dataDir, "mail"));
  }
  return globalForMail.__portalMailTransport;
}

/** Replaces the process mail transport (tests). */
export function useMailTransport(transport: MailTransport | undefined): void {
  globalForMail.__portalMailTransport?.close();
  globalForMail.__portalMailTransport = transport;
}
