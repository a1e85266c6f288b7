import { createHash } from "node:crypto";

/**
 * The hash over a whole submission (R7): one SHA-256 over a canonical JSON text of what was
 * submitted, so the same submission always gives the same hash, whoever computes it and
 * however the database hands the record back (key order, Date objects). Pure.
 */

export type Canonical = null | boolean | number | string | Canonical[] | { [key: string]: Canonical };

/** JSON with object keys sorted at every level, no spaces, dates as ISO strings, undefined left out. */
export function canonicalJson(value: unknown): string {
  return JSON.stringify(normalise(value));
}

function normalise(value: unknown): Canonical {
  if (value === null || value === undefined) return null;
  if (value instanceof Date) return value.toISOString();
  if (Array.isArray(value)) return value.map((v) => (v === undefined ? null : normalise(v)));
  switch (typeof value) {
    case "string":
    case "boolean":
      return value;
    case "number":
      if (!Number.isFinite(value)) throw new TypeError("a submission holds only finite numbers");
      return value;
    case "object": {
      const out: Record<string, Canonical> = {};
      for (const key of Object.keys(value as object).sort()) {
        const v = (value as Record<string, unknown>)[key];
        if (v !== undefined) out[key] = normalise(v);
      }
      return out;
    }
    default:
      throw new TypeError(`a submission cannot hold a ${typeof value}`);
  }
}

/** Hex SHA-256 of the canonical JSON. */
export function submissionHash(value: unknown): string {
  return createHash("sha256").update(canonicalJson(value), "utf8").digest("hex");
}
