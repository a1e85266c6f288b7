import { and, eq, ne } from "drizzle-orm";
import type { Tx } from "@/db";
import { inboxMessageAttachments } from "@/db/schema/inbox";
import { parties } from "@/db/schema/identity";
import { channelConsents } from "@/db/schema/notifications";
import { caseEvents, cases, inboxMessages, type CaseStatus } from "@/db/schema/submissions";
import { recordProcessing } from "../audit/processing-log";
import { can, roleFor, type Actor } from "../auth/policy";
import { todayInAmsterdam } from "../deadlines/calendar";
import { loadEquatedDays } from "../deadlines/equated-days";
import { format, messagesFor, type Locale } from "../i18n";
import { notify } from "../notifications/notify";
import { messageTransition, type MessageProblem } from "../cases/transitions";
import { NotAllowedError } from "../parties/queries";
import { attachmentProblems, type SendMessageFields } from "./message-input";
import { objectionChannels } from "./objection-channels";
import { objectionClause } from "./objection-clause";
import { messageTerm, requestTermProblem, type MessageTerm, type MessageTermInput } from "./terms";

/**
 * Sending an official message to the party of a case (R12, R15-R18), in the caller's
 * transaction: the message in the party's inbox (placed now: its term runs from here), its PDF
 * attachments, for a besluit the objection clause appended to the stored text (so the message
 * shows exactly what was sent), the case's status and an event in its timeline, a processing
 * log entry, and the notice through the notification engine. All of it or none of it.
 *
 *   const outcome = await inTransaction((tx) => sendMessage(tx, staff, { caseId, ...fields, attachments }));
 *
 * Whether the notice goes by e-mail is decided at delivery (consent and a verified address); a
 * party without digital consent for the kind gets a fallback task (a letter) from the engine.
 * `digital` in the answer says what the party chose now, so the screen can say "this goes by
 * post" and offer the printable letter.
 */

type StaffActor = Extract<Actor, { kind: "staff" }>;

export interface SendAttachment {
  /** Where the bytes are in the attachment store (stored before the transaction). */
  blobKey: string;
  fileName: string;
  /** The type read from the content (content-type.ts detectFileType); only "pdf" is sent. */
  fileType: string | null;
  sizeBytes: number;
  sha256: string;
}

export interface SendMessageInput extends SendMessageFields {
  caseId: string;
  attachments?: readonly SendAttachment[];
  /** The language of the stored clause and the notice; Dutch unless the party chose English. */
  locale?: Locale;
  now?: Date;
}

export type SendOutcome =
  | { kind: "sent"; messageId: string; placedAt: Date; termEndsOn: string | null; termExplanation: { nl: string; en: string } | null; digital: boolean }
  | { kind: "not-found" }
  | { kind: "invalid"; problems: string[] }
  | { kind: "not-allowed"; problem: MessageProblem; message: string }
  | { kind: "no-objection-channel"; message: string };

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;


type CaseRow = { id: string; reference: string; partyId: string; productId: string; status: CaseStatus; partyKind: "person" | "business" };

interface PreparedMessage {
  found: CaseRow;
  termRule: MessageTermInput;
  term: MessageTerm | null;
  /** The text as the party will see it: for a besluit with the objection clause appended. */
  body: string;
  status: CaseStatus;
}

type Refusal = Exclude<SendOutcome, { kind: "sent" }>;

/**
 * Everything sendMessage checks and computes before it writes: the case (locked with `lock`),
 * the fields, the status rules, the term from `now`, and the text with the objection clause.
 */
async function prepareMessage(tx: Tx, input: SendMessageInput, now: Date, lock: boolean): Promise<PreparedMessage | Refusal> {
  const locale = input.locale ?? "nl";
  const t = messagesFor(locale);
  const today = todayInAmsterdam(now);

  const query = tx
    .select({ id: cases.id, reference: cases.reference, partyId: cases.partyId, productId: cases.productId, status: cases.status, partyKind: parties.kind })
    .from(cases)
    .innerJoin(parties, eq(parties.id, cases.partyId))
    .where(eq(cases.id, input.caseId));
  // The case row stays locked until commit: two messages at once change its status one after the other.
  const [found] = lock ? await query.for("update", { of: cases }) : await query;
  if (!found) return { kind: "not-found" };

  const problems = attachmentProblems(
    (input.attachments ?? []).map((a) => ({ fileName: a.fileName, fileType: a.fileType })),
    locale,
  );
  const v = t.sendingMessages.validation;
  if (input.kind === "information-request") {
    const problem = input.term ? requestTermProblem(input.term, today) : null;
    if (!input.term) problems.push(v.termRequired);
    else if (problem === "in-the-past") problems.push(v.termInThePast);
    else if (problem === "too-far") problems.push(v.termTooFar);
    else if (problem === "not-a-date") problems.push(v.termDate);
    else if (problem) problems.push("unit" in input.term && input.term.unit === "weeks" ? v.termWeeks : v.termDays);
  } else if (input.term) problems.push(v.termNotAllowed);
  let correctsDecision = false;
  if (input.replacesMessageId) {
    // Only a message of this case can be corrected; a receipt is the system's and is never corrected.
    const [replaced] = UUID.test(input.replacesMessageId)
      ? await tx
          .select({ id: inboxMessages.id, kind: inboxMessages.kind })
          .from(inboxMessages)
          .where(and(eq(inboxMessages.id, input.replacesMessageId), eq(inboxMessages.caseId, found.id), eq(inboxMessages.partyId, found.partyId), ne(inboxMessages.kind, "receipt")))
      : [];
    if (!replaced) problems.push(v.replaces);
    correctsDecision = replaced?.kind === "decision";
  }
  if (problems.length) return { kind: "invalid", problems };

  // The case's status rules (lib/cases/transitions.ts): a message never does what the status form may not.
  const transition = messageTransition(found.status, input.kind, correctsDecision);
  if (!transition.ok) return { kind: "not-allowed", problem: transition.problem, message: t.sendingMessages.notAllowed[transition.problem] };

  const termRule: MessageTermInput = input.kind === "information-request" ? { kind: input.kind, term: input.term! } : { kind: input.kind };
  const term = messageTerm(termRule, now, await loadEquatedDays(tx));
  let body = input.body;
  if (input.kind === "decision") {
    const clause = objectionClause({ channels: await objectionChannels(tx, found.productId, today), endsOn: term!.endsOn, reference: found.reference }, locale);
    if (clause.kind === "no-channel") return { kind: "no-objection-channel", message: clause.message };
    body = `${body}\n\n${clause.text}`;
  }
  return { found, termRule, term, body, status: transition.status };
}

/** Whether the party chose digital delivery for this kind of message (never chosen: not digital). */
async function receivesDigitally(tx: Tx, partyId: string, kind: SendMessageFields["kind"]): Promise<boolean> {
  const [consent] = await tx
    .select({ digital: channelConsents.digital })
    .from(channelConsents)
    .where(and(eq(channelConsents.partyId, partyId), eq(channelConsents.kind, kind)));
  return consent?.digital ?? false;
}

export type PreviewOutcome = { kind: "preview"; body: string; termEndsOn: string | null; termExplanation: { nl: string; en: string } | null; digital: boolean } | Refusal;

/**
 * What sendMessage would place if it were sent at `now`, without writing anything: the text with
 * the objection clause, the term and whether it goes digitally (the handler checks it first).
 */
export async function previewMessage(tx: Tx, staff: StaffActor, input: SendMessageInput): Promise<PreviewOutcome> {
  if (!can(staff, "message:send")) throw new NotAllowedError("message:send");
  const prepared = await prepareMessage(tx, input, input.now ?? new Date(), false);
  if ("kind" in prepared) return prepared;
  return {
    kind: "preview",
    body: prepared.body,
    termEndsOn: prepared.term?.endsOn ?? null,
    termExplanation: prepared.term?.explanation ?? null,
    digital: await receivesDigitally(tx, prepared.found.partyId, input.kind),
  };
}

export async function sendMessage(tx: Tx, staff: StaffActor, input: SendMessageInput): Promise<SendOutcome> {
  if (!can(staff, "message:send")) throw new NotAllowedError("message:send");
  const locale = input.locale ?? "nl";
  const now = input.now ?? new Date();
  const prepared = await prepareMessage(tx, input, now, true);
  if ("kind" in prepared) return prepared;
  const { found, termRule, term, body, status } = prepared;

  const [message] = await tx
    .insert(inboxMessages)
    .values({
      partyId: found.partyId,
      kind: input.kind,
      caseId: found.id,
      subject: input.subject,
      body,
      placedAt: now,
      termEndsOn: term?.endsOn ?? null,
      termRule: termRule.kind === "information" ? null : termRule,
      sentByStaffId: staff.staffUserId,
      replacesMessageId: input.replacesMessageId,
    })
    .returning({ id: inboxMessages.id });
  const messageId = message!.id;
  const attachments = input.attachments ?? [];
  if (attachments.length)
    await tx
      .insert(inboxMessageAttachments)
      .values(attachments.map((a, position) => ({ messageId, position, blobKey: a.blobKey, fileName: a.fileName, fileType: a.fileType!, sizeBytes: a.sizeBytes, sha256: a.sha256 })));

  const nl = messagesFor("nl");
  const kindLabel = nl.sendingMessages.kinds[input.kind];
  if (status !== found.status) await tx.update(cases).set({ status, updatedAt: now }).where(eq(cases.id, found.id));
  else await tx.update(cases).set({ updatedAt: now }).where(eq(cases.id, found.id));
  await tx.insert(caseEvents).values({
    caseId: found.id,
    kind: status !== found.status ? "status-changed" : "note",
    status,
    note: format(input.replacesMessageId ? nl.sendingMessages.correctionSent : nl.sendingMessages.messageSent, { kind: input.replacesMessageId ? kindLabel.toLowerCase() : kindLabel, subject: input.subject }),
    noteVisibleToParty: true,
    staffUserId: staff.staffUserId,
    at: now,
  });
  await recordProcessing(tx, {
    operation: "message.send",
    activity: "berichtenverkeer",
    purpose: `${kindLabel} verstuurd (${found.reference})`,
    subject: { partyId: found.partyId, kind: found.partyKind },
    actor: staff,
    actorRole: roleFor(staff, "message:send"),
    startedAt: now,
    endedAt: now,
  });
  await notify(tx, { partyId: found.partyId, kind: input.kind, language: locale, messageRef: messageId, termEndsOn: term?.endsOn ?? null });

  return { kind: "sent", messageId, placedAt: now, termEndsOn: term?.endsOn ?? null, termExplanation: term?.explanation ?? null, digital: await receivesDigitally(tx, found.partyId, input.kind) };
}
