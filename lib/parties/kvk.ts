/**
 * KvK numbers (Kamer van Koophandel): eight digits identify a business; a branch
 * (vestigingsnummer) has twelve. Pure functions, no I/O.
 */

/** Eight digits after removing spaces and dots, or null. */
export function normaliseKvkNumber(input: string): string | null {
  const digits = input.replace(/[\s.]/g, "");
  return /^\d{8}$/.test(digits) && digits !== "00000000" ? digits : null;
}

/** Twelve digits after removing spaces and dots, or null. */
export function normaliseBranchNumber(input: string): string | null {
  const digits = input.replace(/[\s.]/g, "");
  return /^\d{12}$/.test(digits) && !/^0+$/.test(digits) ? digits : null;
}
