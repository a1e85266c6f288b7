/**
 * Reference numbers (kenmerken) residents quote on the phone: a prefix for the message type,
 * the year, and a number counted per prefix and year, e.g. "BZ-2026-000123". Short, without
 * letters that are easily confused, and saying nothing about the person. Pure; the counter
 * itself lives in the database.
 */

export const messageTypePrefixes = {
  aanvraag: "AV",
  aanvulling: "AA",
  bezwaar: "BZ",
  klacht: "KL",
  zienswijze: "ZW",
  ingebrekestelling: "IG",
  melding: "ML",
  vraag: "VR",
} as const;

export type ReferenceMessageType = keyof typeof messageTypePrefixes;

/** The reference for the n-th submission of a message type in a year (n from 1). */
export function formatReference(messageType: ReferenceMessageType, year: number, n: number): string {
  if (!Number.isInteger(n) || n < 1) throw new RangeError("a reference number counts from 1");
  return `${messageTypePrefixes[messageType]}-${year}-${String(n).padStart(6, "0")}`;
}

const pattern = /^([A-Z]{2})-(\d{4})-(\d{6,})$/;

/** Reads a reference as people type it (lower case, spaces, missing dashes allowed); null when it is none. */
export function parseReference(input: string): { prefix: string; year: number; n: number; reference: string } | null {
  const compact = input.trim().toUpperCase().replace(/[\s.]/g, "");
  const withDashes = /^[A-Z]{2}\d{10,}$/.test(compact) ? `${compact.slice(0, 2)}-${compact.slice(2, 6)}-${compact.slice(6)}` : compact;
  const match = pattern.exec(withDashes);
  if (!match) return null;
  const prefix = match[1]!;
  if (!(Object.values(messageTypePrefixes) as string[]).includes(prefix)) return null;
  const n = Number(match[3]);
  if (n < 1) return null;
  return { prefix, year: Number(match[2]), n, reference: `${prefix}-${match[2]}-${String(n).padStart(6, "0")}` };
}
