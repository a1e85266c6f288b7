import pino, { type Logger } from "pino";
import { isValidBsn } from "./parties/bsn";

/**
 * The one logger: structured JSON lines on stdout. A BSN never reaches a log line: fields
 * named like one are redacted, and any nine-digit number that passes the elfproef is masked
 * wherever it appears in a message or string field.
 */

const BSN_FIELDS = ["bsn", "*.bsn", "*.*.bsn", "burgerservicenummer", "*.burgerservicenummer"];

/** Replaces every nine-digit number that passes the elfproef by [BSN]. */
export function maskBsns(text: string): string {
  return text.replace(/(?<!\d)\d{9}(?!\d)/g, (candidate) => (isValidBsn(candidate) ? "[BSN]" : candidate));
}

function scrub(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return maskBsns(value);
  if (depth > 4 || value === null || typeof value !== "object") return value;
  if (value instanceof Error) return { type: value.name, message: maskBsns(value.message), stack: value.stack ? maskBsns(value.stack) : undefined };
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, depth + 1)]));
}

/** Creates a logger writing to the given destination (stdout by default); exported for tests. */
export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  return pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? "info",
      base: { service: "mijnomgeving" },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: BSN_FIELDS, censor: "[BSN]" },
      formatters: { level: (label) => ({ level: label }), log: (object) => scrub(object) as Record<string, unknown> },
      hooks: {
        logMethod(args, method) {
          method.apply(this, args.map((a) => (typeof a === "string" ? maskBsns(a) : a)) as Parameters<typeof method>);
        },
      },
    },
    options.destination,
  );
}

const globalForLog = globalThis as unknown as { __portalLogger?: Logger };

/** The process logger. */
export function logger(): Logger {
  globalForLog.__portalLogger ??= createLogger();
  return globalForLog.__portalLogger;
}
