import { isValidBsn } from "../../lib/parties/bsn";

/**
 * Finding BSNs where they must never be (R30): in URLs the browser requested and in the server's
 * log. A BSN here is a run of exactly nine digits that passes the elfproef, not part of a longer
 * word or number; so a UUID (groups of 8, 4 and 12 characters) can never look like one.
 */
export function findBsns(text: string): string[] {
  const found = new Set<string>();
  for (const candidate of [text, safeDecode(text)]) {
    for (const match of candidate.matchAll(/(?<![0-9A-Za-z])\d{9}(?![0-9A-Za-z])/g)) {
      if (isValidBsn(match[0])) found.add(match[0]);
    }
  }
  return [...found];
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, " "));
  } catch {
    return text;
  }
}

/** A BSN shown in a test report without repeating it: the last three digits only. */
export function maskForReport(bsn: string): string {
  return `******${bsn.slice(-3)}`;
}
