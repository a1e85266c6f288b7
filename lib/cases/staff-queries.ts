import "server-only";
import { aliasedTable, and, asc, count, desc, eq, gte, inArray, lt, lte, notInArray, sql, type SQL } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { products } from "@/db/schema/catalogue";
import { parties, staffUsers } from "@/db/schema/identity";
import { messageLetters } from "@/db/schema/inbox";
import { notifications, type FailureReason, type NotificationStatus } from "@/db/schema/notifications";
import { caseEvents, cases, caseStatuses, inboxMessages, submissionAttachments, submissions, type CaseEventKind, type CaseStatus, type InboxMessageKind } from "@/db/schema/submissions";
import { recordProcessing } from "../audit/processing-log";
import { can, roleFor, type Actor, type Permission } from "../auth/policy";
import { amsterdamDate } from "../channels/designations";
import { inTransaction, withDb } from "../db";
import { format, messagesFor } from "../i18n";
import { effectiveTermEndText } from "../inbox/effective-term";
import { NotAllowedError } from "../parties/queries";
import { isOverdue } from "./transitions";

/**
 * What case handlers read about cases: the work queue (filtered, nearest decision date first)
 * and one case with its submission and full timeline. case:read is checked here, not only in
 * the page; opening a case is a read of a party's data and is written to the processing log.
 * The queue shows no names or numbers of parties, so listing it is not such a read.
 */

type StaffActor = Extract<Actor, { kind: "staff" }>;

function requirePermission(actor: Actor, permission: Permission): void {
  if (!can(actor, permission)) throw new NotAllowedError(permission);
}

/** Every status, for the queue's status filter. */
export const queueStatuses: readonly CaseStatus[] = caseStatuses;

export const dueFilters = ["all", "overdue", "week"] as const;
export type DueFilter = (typeof dueFilters)[number];

export interface QueueFilters {
  /** A case's reference (kenmerk), exactly; null for all. */
  reference: string | null;
  /** Product slug, or null for all. */
  product: string | null;
  status: CaseStatus | null;
  due: DueFilter;
  /** Only cases assigned to the actor. */
  mine: boolean;
  page: number;
}

/** Filters from the query string; anything unknown falls back to "all". */
export function queueFiltersFrom(params: Record<string, string | string[] | undefined>): QueueFilters {
  const one = (key: string) => {
    const value = params[key];
    return typeof value === "string" ? value : undefined;
  };
  const status = one("status");
  const due = one("termijn");
  const product = one("onderwerp");
  const reference = one("kenmerk")?.trim().toUpperCase();
  const page = Number.parseInt(one("pagina") ?? "1", 10);
  return {
    reference: reference && /^[A-Z0-9-]{1,40}$/.test(reference) ? reference : null,
    product: product && /^[a-z0-9-]{1,100}$/.test(product) ? product : null,
    status: status && (caseStatuses as readonly string[]).includes(status) ? (status as CaseStatus) : null,
    due: due && (dueFilters as readonly string[]).includes(due) ? (due as DueFilter) : "all",
    mine: one("mijn") === "ja",
    page: Number.isFinite(page) && page > 0 ? page : 1,
  };
}

/** The query string for these filters (page included when above 1). */
export function queueQuery(filters: QueueFilters, page = filters.page): string {
  const params = new URLSearchParams();
  if (filters.reference) params.set("kenmerk", filters.reference);
  if (filters.product) params.set("onderwerp", filters.product);
  if (filters.status) params.set("status", filters.status);
  if (filters.due !== "all") params.set("termijn", filters.due);
  if (filters.mine) params.set("mijn", "ja");
  if (page > 1) params.set("pagina", String(page));
  const text = params.toString();
  return text ? `?${text}` : "";
}

export interface QueueRow {
  id: string;
  reference: string;
  productNl: string;
  productEn: string;
  status: CaseStatus;
  expectedDecisionOn: string | null;
  overdue: boolean;
  assignedName: string | null;
  assignedToMe: boolean;
  openedAt: Date;
}

export const QUEUE_PAGE_SIZE = 25;
const OPEN_STATUSES_EXCLUDED: CaseStatus[] = ["decided", "closed"];

/** Adds days to a YYYY-MM-DD date. */
function plusDays(day: string, days: number): string {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

/**
 * The work queue: cases matching the filters, the nearest expected decision date first (cases
 * without one last, then oldest first), one page at a time. "Overdue" and "within 7 days" only
 * count cases still open (not decided or closed); today is the Amsterdam calendar day.
 */
export async function caseQueue(actor: StaffActor, filters: QueueFilters, now = new Date()): Promise<{ rows: QueueRow[]; total: number; page: number; pageCount: number; today: string }> {
  requirePermission(actor, "case:read");
  const today = amsterdamDate(now);
  const where: SQL[] = [];
  if (filters.reference) where.push(eq(cases.reference, filters.reference));
  if (filters.product) where.push(eq(products.slug, filters.product));
  if (filters.status) where.push(eq(cases.status, filters.status));
  if (filters.mine) where.push(eq(cases.assignedTo, actor.staffUserId));
  if (filters.due !== "all") where.push(notInArray(cases.status, OPEN_STATUSES_EXCLUDED));
  if (filters.due === "overdue") where.push(lt(cases.expectedDecisionOn, today));
  if (filters.due === "week") where.push(gte(cases.expectedDecisionOn, today), lte(cases.expectedDecisionOn, plusDays(today, 7)));
  const condition = where.length > 0 ? and(...where) : undefined;
  return withDb(async (db) => {
    const [{ total } = { total: 0 }] = await db.select({ total: count() }).from(cases).innerJoin(products, eq(products.id, cases.productId)).where(condition);
    const pageCount = Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE));
    const page = Math.min(Math.max(1, filters.page), pageCount);
    const rows = await db
      .select({
        id: cases.id,
        reference: cases.reference,
        productNl: products.nameNl,
        productEn: products.nameEn,
        status: cases.status,
        expectedDecisionOn: cases.expectedDecisionOn,
        assignedTo: cases.assignedTo,
        assignedName: staffUsers.displayName,
        openedAt: cases.openedAt,
      })
      .from(cases)
      .innerJoin(products, eq(products.id, cases.productId))
      .leftJoin(staffUsers, eq(staffUsers.id, cases.assignedTo))
      .where(condition)
      .orderBy(sql`${cases.expectedDecisionOn} asc nulls last`, asc(cases.openedAt), asc(cases.id))
      .limit(QUEUE_PAGE_SIZE)
      .offset((page - 1) * QUEUE_PAGE_SIZE);
    return {
      rows: rows.map(({ assignedTo, ...r }) => ({ ...r, overdue: isOverdue(r.status, r.expectedDecisionOn, today), assignedToMe: assignedTo === actor.staffUserId })),
      total,
      page,
      pageCount,
      today,
    };
  });
}

/** The products that have cases, for the queue's filter. */
export async function queueProducts(actor: StaffActor): Promise<{ slug: string; nameNl: string; nameEn: string }[]> {
  requirePermission(actor, "case:read");
  return withDb((db) =>
    db
      .selectDistinct({ slug: products.slug, nameNl: products.nameNl, nameEn: products.nameEn })
      .from(products)
      .where(inArray(products.id, db.select({ id: cases.productId }).from(cases)))
      .orderBy(asc(products.nameNl)),
  );
}

/** Active staff members with the behandelaar role: who a case can be assigned to. */
export async function caseHandlers(actor: StaffActor): Promise<{ id: string; displayName: string }[]> {
  requirePermission(actor, "case:read");
  return withDb((db) => handlersIn(db));
}

export function handlersIn(db: DbOrTx): Promise<{ id: string; displayName: string }[]> {
  return db
    .select({ id: staffUsers.id, displayName: staffUsers.displayName })
    .from(staffUsers)
    .where(and(eq(staffUsers.active, true), sql`'behandelaar' = any(${staffUsers.roles})`))
    .orderBy(asc(staffUsers.displayName), asc(staffUsers.id));
}

export interface StaffCaseEvent {
  id: string;
  kind: CaseEventKind;
  status: CaseStatus;
  note: string | null;
  noteVisibleToParty: boolean;
  staffName: string | null;
  assignedName: string | null;
  at: Date;
}

export interface StaffCaseView {
  id: string;
  reference: string;
  status: CaseStatus;
  partyId: string;
  partyKind: "person" | "business";
  productNl: string;
  productEn: string;
  expectedDecisionOn: string | null;
  decisionTermExplanation: { nl: string; en: string } | null;
  overdue: boolean;
  assignedTo: string | null;
  assignedName: string | null;
  openedAt: Date;
  updatedAt: Date;
  submission: { id: string; messageType: string; receivedAt: Date; attachments: { id: string; fileName: string; fileType: string; sizeBytes: number; sha256: string }[] };
  events: StaffCaseEvent[];
  /** The messages placed in this case (receipts included), oldest first. */
  messages: StaffCaseMessage[];
}

export interface StaffCaseMessage {
  id: string;
  kind: InboxMessageKind;
  subject: string;
  placedAt: Date;
  termEndsOn: string | null;
  firstOpenedAt: Date | null;
  replacesMessageId: string | null;
  sentByName: string | null;
  /** The notice about it: its status, and why it failed (no-consent: the party gets it by post). */
  noticeStatus: NotificationStatus | null;
  noticeFailure: FailureReason | null;
  /** When a letter with this message was last made for the post. */
  letterAt: Date | null;
}

/** Loads a case with everything the case screen shows; null when there is none. */
export async function loadStaffCase(db: DbOrTx, caseId: string, now = new Date()): Promise<StaffCaseView | null> {
  const [row] = await db
    .select({
      id: cases.id,
      reference: cases.reference,
      status: cases.status,
      partyId: cases.partyId,
      partyKind: parties.kind,
      productNl: products.nameNl,
      productEn: products.nameEn,
      expectedDecisionOn: cases.expectedDecisionOn,
      decisionTermExplanation: cases.decisionTermExplanation,
      assignedTo: cases.assignedTo,
      assignedName: staffUsers.displayName,
      openedAt: cases.openedAt,
      updatedAt: cases.updatedAt,
      submissionId: submissions.id,
      messageType: submissions.messageType,
      receivedAt: submissions.receivedAt,
    })
    .from(cases)
    .innerJoin(products, eq(products.id, cases.productId))
    .innerJoin(parties, eq(parties.id, cases.partyId))
    .innerJoin(submissions, eq(submissions.id, cases.submissionId))
    .leftJoin(staffUsers, eq(staffUsers.id, cases.assignedTo))
    .where(eq(cases.id, caseId));
  if (!row) return null;
  const attachments = await db
    .select({ id: submissionAttachments.id, fileName: submissionAttachments.fileName, fileType: submissionAttachments.fileType, sizeBytes: submissionAttachments.sizeBytes, sha256: submissionAttachments.sha256 })
    .from(submissionAttachments)
    .where(eq(submissionAttachments.submissionId, row.submissionId))
    .orderBy(asc(submissionAttachments.position));
  const by = aliasedTable(staffUsers, "event_by");
  const to = aliasedTable(staffUsers, "event_to");
  const events = await db
    .select({
      id: caseEvents.id,
      kind: caseEvents.kind,
      status: caseEvents.status,
      note: caseEvents.note,
      noteVisibleToParty: caseEvents.noteVisibleToParty,
      staffName: by.displayName,
      assignedName: to.displayName,
      at: caseEvents.at,
    })
    .from(caseEvents)
    .leftJoin(by, eq(by.id, caseEvents.staffUserId))
    .leftJoin(to, eq(to.id, caseEvents.assignedTo))
    .where(eq(caseEvents.caseId, caseId))
    .orderBy(asc(caseEvents.at), asc(caseEvents.id));
  const { submissionId, messageType, receivedAt, ...fields } = row;
  return {
    ...fields,
    overdue: isOverdue(row.status, row.expectedDecisionOn, amsterdamDate(now)),
    submission: { id: submissionId, messageType, receivedAt, attachments },
    events,
    messages: await caseMessagesIn(db, caseId),
  };
}

/** One case for a case handler, the read written to the processing log in the same transaction; null when there is none. */
export async function caseForStaff(actor: StaffActor, caseId: string, now = new Date()): Promise<StaffCaseView | null> {
  requirePermission(actor, "case:read");
  return inTransaction(async (tx) => {
    const view = await loadStaffCase(tx, caseId, now);
    if (!view) return null;
    await recordProcessing(tx, {
      operation: "case.view",
      activity: "behandeling-zaken",
      purpose: format(messagesFor("nl").caseHandling.log.view, { reference: view.reference }),
      subject: { partyId: view.partyId, kind: view.partyKind },
      actor,
      actorRole: roleFor(actor, "case:read"),
    });
    return view;
  });
}

/** The messages of a case with their notice and letter, oldest first. */
export async function caseMessagesIn(db: DbOrTx, caseId: string): Promise<StaffCaseMessage[]> {
  const sender = aliasedTable(staffUsers, "message_by");
  // The newest notice about the message (a message has one; the lateral keeps it to one row whatever happens).
  const notice = db
    .select({ status: notifications.status, failureReason: notifications.failureReason })
    .from(notifications)
    .where(eq(notifications.messageRef, sql`${inboxMessages.id}::text`))
    .orderBy(desc(notifications.createdAt))
    .limit(1)
    .as("notice");
  const rows = await db
    .select({
      id: inboxMessages.id,
      kind: inboxMessages.kind,
      subject: inboxMessages.subject,
      placedAt: inboxMessages.placedAt,
      // The end that counts (R13): recalculated when the notice reached the party later.
      termEndsOn: effectiveTermEndText("inbox_messages"),
      firstOpenedAt: inboxMessages.firstOpenedAt,
      replacesMessageId: inboxMessages.replacesMessageId,
      sentByName: sender.displayName,
      noticeStatus: notice.status,
      noticeFailure: notice.failureReason,
      letterAt: sql<Date | null>`(select max(${messageLetters.at}) from ${messageLetters} where ${messageLetters.messageId} = ${inboxMessages.id})`.mapWith((v) => (v ? new Date(v) : null)),
    })
    .from(inboxMessages)
    .leftJoin(sender, eq(sender.id, inboxMessages.sentByStaffId))
    .leftJoinLateral(notice, sql`true`)
    .where(eq(inboxMessages.caseId, caseId))
    .orderBy(asc(inboxMessages.placedAt), asc(inboxMessages.id));
  return rows;
}
