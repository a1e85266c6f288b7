import { compareDates, type IsoDate } from "../deadlines/calendar";

/**
 * Whether a message's term is still running on `today` (Europe/Amsterdam): the last day itself
 * still counts. Pure. "none" for a message without a term.
 */
export type TermStatus = "none" | "running" | "ended";

export function termStatus(endsOn: string | null, today: IsoDate): TermStatus {
  if (!endsOn) return "none";
  return compareDates(endsOn as IsoDate, today) >= 0 ? "running" : "ended";
}
