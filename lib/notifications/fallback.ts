import { and, eq, sql } from "drizzle-orm";
import type { DbOrTx } from "@/db";
import { parties } from "@/db/schema/identity";
import { fallbackTasks, type FallbackOutcome } from "@/db/schema/notifications";
import { recordProcessing } from "../audit/processing-log";
import { roleFor, type Actor } from "../auth/policy";
import { FALLBACK_TASK_PURPOSE } from "./queries";

/** Counter staff working a fallback task: the postal address for the letter, and closing it with the outcome. */

type StaffActor = Extract<Actor, { kind: "staff" }>;

async function partyOfOpenTask(tx: DbOrTx, taskId: string) {
  const [row] = await tx
    .select({ partyId: fallbackTasks.partyId, kind: parties.kind, status: fallbackTasks.status })
    .from(fallbackTasks)
    .innerJoin(parties, eq(parties.id, fallbackTasks.partyId))
    .where(eq(fallbackTasks.id, taskId))
    .for("update", { of: fallbackTasks });
  return row ?? null;
}

/** Stores the postal address staff typed for the letter. Logged: it is the party's data. */
export async function savePostalAddress(tx: DbOrTx, actor: StaffActor, taskId: string, address: string): Promise<"saved" | "not-found" | "closed"> {
  const task = await partyOfOpenTask(tx, taskId);
  if (!task) return "not-found";
  if (task.status !== "open") return "closed";
  await tx.update(fallbackTasks).set({ postalAddress: address }).where(eq(fallbackTasks.id, taskId));
  await recordProcessing(tx, { operation: "fallback-task.postal-address", activity: "dienstverlening-balie", purpose: FALLBACK_TASK_PURPOSE, subject: { partyId: task.partyId, kind: task.kind }, actor, actorRole: roleFor(actor, "fallback-task:work") });
  return "saved";
}

/** Closes an open task with what staff did. A closed task stays closed. */
export async function closeFallbackTask(tx: DbOrTx, actor: StaffActor, taskId: string, outcome: FallbackOutcome, note: string | null): Promise<"closed" | "not-found" | "already-closed"> {
  const task = await partyOfOpenTask(tx, taskId);
  if (!task) return "not-found";
  const [row] = await tx
    .update(fallbackTasks)
    .set({ status: "closed", closedAt: sql`now()`, closedBy: actor.staffUserId, outcome, note })
    .where(and(eq(fallbackTasks.id, taskId), eq(fallbackTasks.status, "open")))
    .returning({ id: fallbackTasks.id });
  if (!row) return "already-closed";
  await recordProcessing(tx, { operation: "fallback-task.close", activity: "dienstverlening-balie", purpose: FALLBACK_TASK_PURPOSE, subject: { partyId: task.partyId, kind: task.kind }, actor, actorRole: roleFor(actor, "fallback-task:work") });
  return "closed";
}
