import SMTPConnection, { type SMTPConnectionOptions, type SMTPConnectionSendInfo } from "nodemailer/lib/smtp-connection";
import { parseConnectionUrl } from "nodemailer/lib/shared";

/**
 * A pool of SMTP connections for prebuilt messages: nodemailer's own SMTP client
 * (SMTPConnection: EHLO, STARTTLS when offered, AUTH, the SMTP dialogue and its error codes),
 * without nodemailer's mail pipeline around it. A message is one buffer that goes out as it is,
 * so a send costs a fraction of the CPU of sendMail(), which composes and streams each message
 * in many small chunks (the notification engine sends thousands in a row).
 *
 * The rules are those of nodemailer's pool with maxRequeues 0:
 * - at most `maxConnections` connections (default 5); a send waits for a free one;
 * - a connection is closed after `maxMessages` messages (default 100) and a new one opened;
 * - a message whose send fails is never sent again by the pool: the error goes back to the
 *   caller, who decides (the notification engine records it and plans its own retry); a refusal
 *   (the envelope or the message, 4xx/5xx other than 421) resets the connection for the next
 *   message, any other error closes it;
 * - a connection that the server closes or breaks while idle is dropped.
 *
 * Options come from the SMTP URL as with nodemailer (smtp:// or smtps://, user:password@,
 * query parameters such as ?maxConnections=10&maxMessages=500&requireTLS=true).
 */

export interface PooledSend {
  /** The envelope: MAIL FROM and RCPT TO addresses (bare addresses). */
  from: string;
  to: string[];
  message: Buffer;
}

interface Slot {
  connection: SMTPConnection;
  ready: Promise<void>;
  messages: number;
  dead: boolean;
}

type PoolOptions = SMTPConnectionOptions & { auth?: { user?: string; pass?: string }; maxConnections?: number; maxMessages?: number };

export interface SmtpPool {
  send(mail: PooledSend): Promise<SMTPConnectionSendInfo>;
  close(): void;
}

export function createSmtpPool(smtpUrl: string): SmtpPool {
  const options = parseConnectionUrl(smtpUrl) as PoolOptions;
  const maxConnections = Math.max(1, Number(options.maxConnections) || 5);
  const maxMessages = Math.max(1, Number(options.maxMessages) || 100);
  const { auth, maxConnections: _c, maxMessages: _m, ...connectionOptions } = options;
  const credentials = auth && (auth.user || auth.pass) ? { credentials: { user: auth.user ?? "", pass: auth.pass ?? "" } } : null;

  const idle: Slot[] = [];
  let open = 0;
  let closed = false;
  const waiting: ((slot: Slot | null) => void)[] = [];

  function drop(slot: Slot) {
    if (slot.dead) return;
    slot.dead = true;
    open--;
    const i = idle.indexOf(slot);
    if (i >= 0) idle.splice(i, 1);
    slot.connection.close();
    // A send waiting for a connection may open a new one now.
    const next = waiting.shift();
    if (next) next(null);
  }

  function openSlot(): Slot {
    open++;
    const connection = new SMTPConnection(connectionOptions);
    let settle: ((error?: unknown) => void) | null = null;
    const slot: Slot = {
      connection,
      messages: 0,
      dead: false,
      ready: new Promise<void>((resolve, reject) => {
        settle = (error) => {
          settle = null;
          if (error) reject(error);
          else resolve();
        };
      }),
    };
    // An error or close before the connection is ready fails its first send (a refused
    // connection comes only as an "error" event). Later, outside a send (the server went away
    // while the connection was idle) it drops the connection; during a send the send's own
    // callback reports it.
    connection.on("error", (error: Error) => {
      settle?.(error);
      drop(slot);
    });
    connection.once("end", () => {
      settle?.(Object.assign(new Error("Connection closed unexpectedly"), { code: "ECONNECTION" }));
      drop(slot);
    });
    connection.connect((error?: Error | null) => {
      if (error) return settle?.(error);
      if (!credentials || !connection.allowsAuth) return settle?.();
      connection.login(credentials, (loginError) => settle?.(loginError ?? undefined));
    });
    return slot;
  }

  function release(slot: Slot) {
    if (slot.dead) return;
    if (closed || slot.messages >= maxMessages) {
      slot.connection.quit();
      drop(slot);
      return;
    }
    const next = waiting.shift();
    if (next) next(slot);
    else idle.push(slot);
  }

  async function acquire(): Promise<Slot> {
    for (;;) {
      if (closed) throw Object.assign(new Error("The SMTP pool is closed."), { code: "ECONNECTION" });
      const free = idle.pop();
      if (free) {
        // Let what already arrived on the idle connection be read first: a server that is
        // closing it says 421 first, and that must end the connection, not answer our MAIL FROM.
        await new Promise((resolve) => setImmediate(resolve));
        if (free.dead) continue;
        return free;
      }
      if (open < maxConnections) return openSlot();
      const handed = await new Promise<Slot | null>((resolve) => waiting.push(resolve));
      if (handed) return handed;
    }
  }

  return {
    async send({ from, to, message }) {
      const slot = await acquire();
      try {
        await slot.ready;
      } catch (error) {
        drop(slot);
        throw error;
      }
      return new Promise<SMTPConnectionSendInfo>((resolve, reject) => {
        slot.connection.send({ from, to }, message, (error, info) => {
          slot.messages++;
          if (!error) {
            resolve(info!);
            setImmediate(() => release(slot));
            return;
          }
          const code = (error as { code?: string }).code;
          const responseCode = (error as { responseCode?: number }).responseCode;
          if ((code === "EENVELOPE" || code === "EMESSAGE") && responseCode !== 421 && !slot.dead) {
            // Refused, but the connection is fine: RSET and use it again.
            slot.connection.reset((resetError) => (resetError ? drop(slot) : release(slot)));
          } else {
            drop(slot);
          }
          reject(error);
        });
      });
    },
    close() {
      closed = true;
      for (const slot of [...idle]) {
        slot.connection.quit();
        drop(slot);
      }
      for (const next of waiting.splice(0)) next(null);
    },
  };
}
