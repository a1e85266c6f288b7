import { randomBytes } from "node:crypto";

/**
 * Trace context for the processing log, in W3C Trace Context form: a 32-hex trace id per
 * request (derived from the request id when that is a UUID, so log lines and processing log
 * entries of one request share it) and a 16-hex span id per operation.
 */

/** A trace id for a request id: the UUID's hex digits, or a fresh random id. */
export function traceIdFor(requestId: string | null | undefined): string {
  const hex = requestId?.replace(/-/g, "").toLowerCase();
  return hex && /^[0-9a-f]{32}$/.test(hex) && !/^0+$/.test(hex) ? hex : randomBytes(16).toString("hex");
}

/** A fresh span id. */
export function newSpanId(): string {
  return randomBytes(8).toString("hex");
}
