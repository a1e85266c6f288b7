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
  if (value instanceof Error) return scrubError(value, depth);
  if (Array.isArray(value)) return value.map((v) => scrub(v, depth + 1));
  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, scrub(v, depth + 1)]));
}

// Formatters run before pino's serializers, so an error must stay an Error of its own class:
// the err serializer then still records its type, code and cause, all masked.
function scrubError(error: Error, depth: number): Error {
  const copy = Object.create(Object.getPrototypeOf(error)) as Error & Record<string, unknown>;
  for (const [key, v] of Object.entries(error)) copy[key] = scrub(v, depth + 1);
  Object.defineProperty(copy, "message", { value: maskBsns(error.message), writable: true, configurable: true });
  Object.defineProperty(copy, "stack", { value: error.stack ? maskBsns(error.stack) : undefined, writable: true, configurable: true });
  if (error.cause !== undefined) Object.defineProperty(copy, "cause", { value: scrub(error.cause, depth + 1), writable: true, configurable: true });
  return copy;
}

/** Creates a logger writing to the given destination (stdout by default); exported for tests. */
export function createLogger(options: { level?: string; destination?: pino.DestinationStream } = {}): Logger {
  const log = pino(
    {
      level: options.level ?? process.env.LOG_LEVEL ?? "info",
      base: { service: "mijnomgeving" },
      timestamp: pino.stdTimeFunctions.isoTime,
      redact: { paths: BSN_FIELDS, censor: "[BSN]" },
      formatters: {
        level: (label) => ({ level: label }),
        log: (object) => scrub(object) as Record<string, unknown>,
      },
      hooks: {
        logMethod(args, method) {
          const masked = args.map((a) => (typeof a === "string" ? maskBsns(a) : a));
          // logger.error(err) takes its message from the error, past this hook: give it a masked one.
          if (masked.length === 1 && masked[0] instanceof Error) masked.push(maskBsns(masked[0].message));
          method.apply(this, masked as Parameters<typeof method>);
        },
      },
    },
    options.destination,
  );
  // A child's fields (logger.child({...})) are serialised once, without the log formatter:
  // scrub them here. Children inherit this method, so grandchildren are covered too.
  const child = log.child;
  log.child = function (this: Logger, bindings: pino.Bindings, childOptions?: pino.ChildLoggerOptions) {
    return (child as unknown as (this: Logger, b: pino.Bindings, o?: pino.ChildLoggerOptions) => Logger).call(this, scrub(bindings) as pino.Bindings, childOptions);
  } as unknown as Logger["child"];
  return log;
}

const globalForLog = globalThis as unknown as { __portalLogger?: Logger };

/** The process logger. */
export function logger(): Logger {
  globalForLog.__portalLogger ??= createLogger();
  return globalForLog.__portalLogger;
}
