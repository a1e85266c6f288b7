import { z } from "zod";

/** Rules for contact details: pure, no I/O. */

/** The longest e-mail address SMTP allows. */
export const MAX_EMAIL_LENGTH = 254;

/** An e-mail address as stored: trimmed and lower-cased, or null when it is not one we can send to. */
export function normaliseEmail(input: string): string | null {
  const email = input.trim().toLowerCase();
  if (email.length === 0 || email.length > MAX_EMAIL_LENGTH) return null;
  if (!z.email().safeParse(email).success) return null;
  return email;
}

/**
 * A Dutch mobile number (06 followed by 8 digits) in any usual form: "06 12345678",
 * "06-1234 5678", "+31 6 12345678", "0031612345678". Normalised to +316xxxxxxxx; null when it is
 * not a Dutch mobile number.
 */
export function normaliseDutchMobile(input: string): string | null {
  const compact = input.replace(/[\s\-().]/g, "");
  const match = compact.match(/^(?:06|\+316|00316)(\d{8})$/);
  return match ? `+316${match[1]}` : null;
}

/** A stored mobile number as residents write it: "06 12345678". */
export function displayDutchMobile(normalised: string): string {
  return normalised.startsWith("+316") ? `06 ${normalised.slice(4)}` : normalised;
}
