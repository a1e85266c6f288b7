/**
 * BSN (burgerservicenummer) rules, R30: nine digits (an eight-digit legacy number gets a
 * leading zero) passing the elfproef 9*d1 + 8*d2 + ... + 2*d8 - 1*d9 ≡ 0 (mod 11); 000000000
 * is refused. Pure functions, no I/O.
 */

/** Normalises input to nine digits (spaces, dots and dashes removed, eight digits padded), or null. */
export function normaliseBsn(input: string): string | null {
  const digits = input.replace(/[\s.-]/g, "");
  if (!/^\d{8,9}$/.test(digits)) return null;
  return digits.padStart(9, "0");
}

/** True when the input is a valid BSN after normalisation. */
export function isValidBsn(input: string): boolean {
  const bsn = normaliseBsn(input);
  if (!bsn || bsn === "000000000") return false;
  let sum = 0;
  for (let i = 0; i < 8; i++) sum += (9 - i) * Number(bsn[i]);
  sum -= Number(bsn[8]);
  return sum % 11 === 0;
}
