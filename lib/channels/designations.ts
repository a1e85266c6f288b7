/**
 * Rules for channel designations (aanwijzingen, Awb 2:13). Pure functions, no I/O. Dates are
 * calendar dates as "YYYY-MM-DD" strings (the database's `date` columns), which compare
 * correctly as strings. A designation is in force from `validFrom` up to and including
 * `validTo`; a null `validTo` means "until further notice".
 */
import { todayInAmsterdam } from "../deadlines/calendar";

export interface DesignationPeriod {
  validFrom: string;
  validTo: string | null;
}

/** True for a real calendar date written as YYYY-MM-DD (no 2026-02-30). */
export function isIsoDate(value: unknown): boolean {
  if (typeof value !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const [y, m, d] = (value as string).split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** Today's calendar date in the Netherlands (Europe/Amsterdam), as YYYY-MM-DD. */
export function amsterdamDate(now: Date = new Date()): string {
  return todayInAmsterdam(now);
}

/** True when the designation is in force on the date. */
export function isInForce(designation: DesignationPeriod, date: string): boolean {
  return designation.validFrom <= date && (designation.validTo === null || designation.validTo >= date);
}

/** The designations in force on the date, in their original order. */
export function designationsInForce<T extends DesignationPeriod>(designations: readonly T[], date: string): T[] {
  return designations.filter((d) => isInForce(d, date));
}

/** True when two periods share at least one day (both ends inclusive, null end = open). */
export function periodsOverlap(a: DesignationPeriod, b: DesignationPeriod): boolean {
  const aEndsBeforeB = a.validTo !== null && a.validTo < b.validFrom;
  const bEndsBeforeA = b.validTo !== null && b.validTo < a.validFrom;
  return !aEndsBeforeB && !bEndsBeforeA;
}

export interface DesignationKey {
  productId: string;
  messageType: string;
  channelId: string;
}

export type DesignationProblem<T> = { kind: "ends-before-start" } | { kind: "overlap"; with: T };

/**
 * Why a new designation cannot be made, or null when it can: it ends before it starts, or it
 * overlaps an existing designation for the same product, message type and channel (the first
 * such one is returned, to name it in the message).
 */
export function designationProblem<T extends DesignationPeriod & DesignationKey>(candidate: DesignationPeriod & DesignationKey, existing: readonly T[]): DesignationProblem<T> | null {
  if (candidate.validTo !== null && candidate.validTo < candidate.validFrom) return { kind: "ends-before-start" };
  const clash = existing.find(
    (d) => d.productId === candidate.productId && d.messageType === candidate.messageType && d.channelId === candidate.channelId && periodsOverlap(d, candidate),
  );
  return clash ? { kind: "overlap", with: clash } : null;
}

export type EndProblem = "ends-before-start" | "already-ended";

/**
 * Whether a designation can be ended with `lastDay` as its last day in force: not before it
 * starts, and not later than an end it already has (ending shortens, never extends).
 */
export function endProblem(designation: DesignationPeriod, lastDay: string): EndProblem | null {
  if (lastDay < designation.validFrom) return "ends-before-start";
  if (designation.validTo !== null && designation.validTo <= lastDay) return "already-ended";
  return null;
}
