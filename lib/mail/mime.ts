import MailComposer from "nodemailer/lib/mail-composer";

/**
 * Builds a whole mail as one RFC 5322 message (CRLF line ends), with nodemailer's own composer,
 * so the SMTP transport can hand it over prebuilt (lib/mail/smtp-pool.ts): one buffer to write
 * instead of the many small stream chunks of a message composed during the send.
 *
 * Bulk notices often share their content (an outage notice to many parties, the same receipt
 * text): the MIME body of a given text and HTML (its parts, encoded) is built once and kept in a
 * small cache keyed by that exact content; every mail still gets its own header block (From, To,
 * Subject, Message-ID, Date), built by nodemailer as well. The result is byte for byte what
 * nodemailer would compose for the same mail with the same boundary and date (tested).
 */

export interface MessageInput {
  from: string;
  to: string;
  subject: string;
  text: string;
  html?: string;
  messageId: string;
  date?: Date;
  headers?: Record<string, string>;
}

interface Body {
  /** The root's Content-* header lines (with the multipart boundary), folded as nodemailer folds them. */
  contentHeaders: string;
  /** Everything after the header block's blank line. */
  body: Buffer;
}

const CACHE_SIZE = 64;
const bodies = new Map<string, Promise<Body>>();

const HEAD_END = Buffer.from("\r\n\r\n");

/** Splits a header block into header fields (a field's folded continuation lines stay with it). */
function headerFields(block: string): string[] {
  const fields: string[] = [];
  for (const line of block.split("\r\n")) {
    if (/^[ \t]/.test(line) && fields.length > 0) fields[fields.length - 1] += `\r\n${line}`;
    else fields.push(line);
  }
  return fields;
}

const isContentField = (field: string) => /^content-/i.test(field);

function composer(input: MessageInput, extra: { raw?: string; baseBoundary?: string } = {}) {
  return new MailComposer({
    from: input.from,
    to: input.to,
    subject: input.subject,
    messageId: input.messageId,
    date: input.date ?? new Date(),
    headers: input.headers,
    ...(extra.raw !== undefined ? { raw: extra.raw } : { text: input.text, html: input.html }),
    ...(extra.baseBoundary ? { baseBoundary: extra.baseBoundary } : {}),
  });
}

/** The SMTP envelope: the bare addresses of From and To (IDN domains in punycode), as nodemailer derives it. */
export interface Envelope {
  from: string;
  to: string[];
}

function envelopeOf(node: { getEnvelope(): { from: string | false; to: string[] } }): Envelope {
  const { from, to } = node.getEnvelope();
  return { from: from || "", to };
}

/** The whole message as nodemailer composes it, split into its header block and body. */
async function composeWhole(input: MessageInput, baseBoundary?: string): Promise<{ head: string; body: Buffer; message: Buffer; envelope: Envelope }> {
  const node = composer(input, { baseBoundary }).compile();
  const message = await node.build();
  const end = message.indexOf(HEAD_END);
  return { head: message.subarray(0, end).toString("utf8"), body: message.subarray(end + HEAD_END.length), message, envelope: envelopeOf(node) };
}

function bodyFor(input: MessageInput & { html: string }, baseBoundary?: string): Promise<Body> {
  const key = `${input.text}\u0000${input.html}`;
  const cached = bodies.get(key);
  if (cached) {
    // Most recently used last, so the oldest is dropped first.
    bodies.delete(key);
    bodies.set(key, cached);
    return cached;
  }
  const built = composeWhole(input, baseBoundary).then(({ head, body }) => ({ contentHeaders: headerFields(head).filter(isContentField).join("\r\n"), body }));
  bodies.set(key, built);
  built.catch(() => bodies.delete(key));
  if (bodies.size > CACHE_SIZE) bodies.delete(bodies.keys().next().value!);
  return built;
}

/**
 * The message for one mail, ready to send as it is, with its SMTP envelope. A mail with text and HTML (every notice)
 * reuses the encoded body of the same content; anything else is composed whole.
 * `baseBoundary` is for tests only (nodemailer picks a random one).
 */
export async function buildMessage(input: MessageInput, options: { baseBoundary?: string } = {}): Promise<{ message: Buffer; envelope: Envelope }> {
  const customContentHeader = Object.keys(input.headers ?? {}).some((key) => /^content-/i.test(key));
  if (input.html === undefined || customContentHeader) {
    const { message, envelope } = await composeWhole(input, options.baseBoundary);
    return { message, envelope };
  }
  const { contentHeaders, body } = await bodyFor({ ...input, html: input.html }, options.baseBoundary);
  // The header block of this mail: nodemailer's own, for an empty raw node, whose one Content-Type
  // field (always last) gives way to those of the body.
  // (A fixed base boundary: this node has no parts, and nodemailer would otherwise draw random bytes for it.)
  const head = composer(input, { raw: "", baseBoundary: "head" }).compile();
  const own = headerFields(head.buildHeaders()).filter((field) => !isContentField(field));
  return { message: Buffer.concat([Buffer.from(`${own.join("\r\n")}\r\n${contentHeaders}\r\n\r\n`, "utf8"), body]), envelope: envelopeOf(head) };
}

/** Empties the body cache (tests). */
export function clearMessageCache(): void {
  bodies.clear();
}
