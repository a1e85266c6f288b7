import path from "node:path";
import { z } from "zod";

/**
 * The environment, read once and checked with zod. Every setting the portal knows is here;
 * `.env.example` lists the same names with their meaning.
 *
 * PORTAL_MODE decides what is allowed: `demo` (the embedded default: PGlite, mail to files,
 * demo features on) or `production` (refuses unsafe settings at start-up).
 */

const bool = z
  .enum(["true", "false", "1", "0", "yes", "no"])
  .transform((v) => v === "true" || v === "1" || v === "yes");

const hexColour = z.string().regex(/^#[0-9a-fA-F]{6}$/, "must be a colour like #1a5f8a");

const rawSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).optional(),
  PORTAL_MODE: z.enum(["demo", "production"]).optional(),
  DATABASE_URL: z.string().url().optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  RUN_WORKER: bool.optional(),
  PUBLIC_URL: z.string().url().default("http://localhost:3000"),
  AUTH_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  PARTY_DATA_KEY: z
    .string()
    .regex(/^[A-Za-z0-9+/]{43}=$/, "must be 32 random bytes in base64 (openssl rand -base64 32)")
    .optional(),
  /** Where attachments are kept: a folder under DATA_DIR, the database, or S3-compatible object storage. Default: folder on PGlite, database on PostgreSQL. */
  ATTACHMENT_STORE: z.enum(["folder", "database", "s3"]).optional(),
  /** S3-compatible object storage (ATTACHMENT_STORE=s3), path-style: S3_ENDPOINT/S3_BUCKET/key. */
  S3_ENDPOINT: z.string().url().optional(),
  S3_REGION: z.string().min(1).default("us-east-1"),
  S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "must be a bucket name: 3-63 lower-case letters, digits, dots and hyphens").optional(),
  S3_ACCESS_KEY_ID: z.string().min(1).optional(),
  S3_SECRET_ACCESS_KEY: z.string().min(1).optional(),
  /** Put before every key (e.g. "portal/"), so one bucket can serve more than one thing. */
  S3_KEY_PREFIX: z.string().regex(/^[A-Za-z0-9!_.*'()/-]*$/, "may only contain letters, digits and ! _ . * ' ( ) / -").optional(),
  SMTP_URL: z.string().url().optional(),
  MAIL_FROM: z.string().min(3).optional(),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  DEMO_FEATURES: bool.optional(),
  ALLOW_DEMO_FEATURES_IN_PRODUCTION: bool.default(false),
  /** Fractions allowed so tests can use a limit of seconds (0.05 = 3 s). */
  RESIDENT_IDLE_MINUTES: z.coerce.number().min(0.01).max(120).default(15),
  RESIDENT_MAX_HOURS: z.coerce.number().int().min(1).max(24).default(4),
  STAFF_IDLE_MINUTES: z.coerce.number().int().min(1).max(480).default(60),
  STAFF_MAX_HOURS: z.coerce.number().int().min(1).max(24).default(10),
  DIGID_OIDC_ISSUER: z.string().url().optional(),
  DIGID_OIDC_CLIENT_ID: z.string().min(1).optional(),
  DIGID_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  DIGID_OIDC_SCOPE: z.string().min(1).default("openid"),
  DIGID_BSN_CLAIM: z.string().min(1).default("bsn"),
  DIGID_LEVEL_CLAIM: z.string().min(1).default("acr"),
  EHERKENNING_OIDC_ISSUER: z.string().url().optional(),
  EHERKENNING_OIDC_CLIENT_ID: z.string().min(1).optional(),
  EHERKENNING_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  EHERKENNING_OIDC_SCOPE: z.string().min(1).default("openid"),
  EHERKENNING_KVK_CLAIM: z.string().min(1).default("kvk"),
  EHERKENNING_BRANCH_CLAIM: z.string().min(1).default("vestigingsnummer"),
  EHERKENNING_LEVEL_CLAIM: z.string().min(1).default("acr"),
  STAFF_OIDC_ISSUER: z.string().url().optional(),
  STAFF_OIDC_CLIENT_ID: z.string().min(1).optional(),
  STAFF_OIDC_CLIENT_SECRET: z.string().min(1).optional(),
  STAFF_OIDC_SCOPE: z.string().min(1).default("openid email profile"),
  STAFF_OIDC_ROLES_CLAIM: z.string().min(1).default("roles"),
  /** JSON object: identity provider role or group -> portal roles, e.g. {"KCC":["balie"],"Beheer":["beheerder"]}. */
  STAFF_OIDC_ROLE_MAP: z.string().optional(),
  /** Residents see the name of the staff member in "Wie heeft mijn gegevens bekeken" (otherwise only the role). */
  PROCESSING_LOG_SHOW_STAFF_NAMES: bool.default(false),
  /** How long a notice that fails temporarily is retried before a fallback task opens. */
  NOTIFICATION_RETRY_HOURS: z.coerce.number().min(0.001).max(720).default(72),
  SUBMISSION_DRAFT_DAYS: z.coerce.number().int().min(1).max(365).default(30),
  SUBMISSION_DRAFT_NOTICE_DAYS: z.coerce.number().int().min(0).max(60).default(7),
  /** Days before a response term ends that the party is reminded (R21), comma-separated, e.g. "7,1". */
  INBOX_REMINDER_DAYS: z
    .string()
    .default("7,1")
    .transform((v, ctx) => {
      const parts = v.split(",").map((p) => p.trim());
      const days = parts.map((p) => (/^\d{1,2}$/.test(p) ? Number(p) : Number.NaN));
      if (parts.length === 0 || parts.length > 5 || days.some((d) => !Number.isInteger(d) || d < 1 || d > 60) || new Set(days).size !== days.length) {
        ctx.addIssue({ code: "custom", message: 'must be 1 to 5 different whole numbers of days from 1 to 60, comma-separated, e.g. "7,1"' });
        return z.NEVER;
      }
      return days.sort((a, b) => b - a);
    }),
  /** The first retry waits about this long; each next one twice as long (with jitter), at most 6 hours. */
  NOTIFICATION_RETRY_BASE_SECONDS: z.coerce.number().min(0.1).max(3600).default(60),
  /** Shared secret of POST /api/meldingen/bounce (Authorization: Bearer ...); unset: the endpoint is off. */
  NOTIFICATION_BOUNCE_SECRET: z.string().min(32, "must be at least 32 characters").optional(),
  /** A delivery claim older than this belongs to a worker that died; the sweep gives the notice a new job. */
  NOTIFICATION_CLAIM_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(86_400).default(600),
  /** How long an e-mail verification link works. */
  EMAIL_VERIFICATION_HOURS: z.coerce.number().min(0.01).max(168).default(48),
  MUNICIPALITY_NAME: z.string().min(2).default("Gemeente Voorbeeldstad"),
  MUNICIPALITY_LOGO: z.string().min(1).default("/branding/voorbeeldstad.svg"),
  MUNICIPALITY_COLOUR_PRIMARY: hexColour.default("#1a5f8a"),
  MUNICIPALITY_COLOUR_ACCENT: hexColour.default("#8a3b12"),
  MUNICIPALITY_PHONE: z.string().min(3).default("14 0123"),
  MUNICIPALITY_EMAIL: z.string().email().default("info@voorbeeldstad.example"),
  MUNICIPALITY_COUNTER_ADDRESS: z.string().min(3).default("Stadhuisplein 1, 1234 AB Voorbeeldstad"),
  MUNICIPALITY_OPENING_HOURS: z
    .string()
    .min(3)
    .default("Maandag tot en met vrijdag van 9.00 tot 17.00 uur; donderdag ook van 18.00 tot 20.00 uur"),
  MUNICIPALITY_OPENING_HOURS_EN: z
    .string()
    .min(3)
    .default("Monday to Friday from 9:00 to 17:00; Thursday also from 18:00 to 20:00"),
  MUNICIPALITY_WEBSITE: z.string().url().default("https://www.voorbeeldstad.example"),
});

export type RawEnv = z.input<typeof rawSchema>;

export interface PortalEnv {
  mode: "demo" | "production";
  database: { kind: "pglite"; dataDir: string } | { kind: "postgres"; url: string };
  dataDir: string;
  attachmentStore: "folder" | "database" | "s3";
  /** Set only when ATTACHMENT_STORE=s3 and every required S3_* setting is present. */
  s3: S3Settings | undefined;
  runWorker: boolean;
  publicUrl: string;
  authSecret: string | undefined;
  partyDataKey: string | undefined;
  smtpUrl: string | undefined;
  mailFrom: string;
  logLevel: z.infer<typeof rawSchema>["LOG_LEVEL"];
  demoFeatures: boolean;
  allowDemoInProduction: boolean;
  sessions: {
    resident: { idleSeconds: number; maxSeconds: number };
    staff: { idleSeconds: number; maxSeconds: number };
  };
  processingLog: { showStaffNames: boolean };
  /** Drafts expire this many days after their last change; the party is told noticeDays before. */
  drafts: { days: number; noticeDays: number };
  /** Reminders before a response term ends (R21): the days before the end, largest first. */
  inbox: { reminderDays: number[] };
  notifications: { retryHours: number; retryBaseSeconds: number; bounceSecret: string | undefined; verificationHours: number; claimTimeoutSeconds: number };
  oidc: {
    digid?: OidcClientSettings & { bsnClaim: string; levelClaim: string };
    eherkenning?: OidcClientSettings & { kvkClaim: string; branchClaim: string; levelClaim: string };
    staff?: OidcClientSettings & { rolesClaim: string; roleMap: Record<string, string[]> };
  };
  municipality: {
    name: string;
    logo: string;
    colourPrimary: string;
    colourAccent: string;
    phone: string;
    email: string;
    counterAddress: string;
    openingHours: { nl: string; en: string };
    website: string;
  };
}

export interface S3Settings {
  endpoint: string;
  region: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  keyPrefix: string;
}

export interface OidcClientSettings {
  issuer: string;
  clientId: string;
  clientSecret: string;
  scope: string;
}

export class ConfigurationError extends Error {
  constructor(public readonly problems: string[]) {
    super(`The portal cannot start with this configuration:\n- ${problems.join("\n- ")}`);
    this.name = "ConfigurationError";
  }
}

/** Parses an environment into the portal's settings; throws ConfigurationError listing every problem. */
export function parseEnv(source: Record<string, string | undefined>): PortalEnv {
  // Empty strings mean "not set", as in most .env files.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ""));
  const result = rawSchema.safeParse(cleaned);
  if (!result.success) {
    throw new ConfigurationError(result.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`));
  }
  const raw = result.data;
  const mode = raw.PORTAL_MODE ?? (raw.DATABASE_URL ? "production" : "demo");
  const problems: string[] = [];
  const client = (prefix: "DIGID" | "EHERKENNING" | "STAFF"): OidcClientSettings | undefined => {
    const issuer = raw[`${prefix}_OIDC_ISSUER`];
    const clientId = raw[`${prefix}_OIDC_CLIENT_ID`];
    const clientSecret = raw[`${prefix}_OIDC_CLIENT_SECRET`];
    if (!issuer && !clientId && !clientSecret) return undefined;
    if (!issuer || !clientId || !clientSecret) {
      problems.push(`${prefix}_OIDC_ISSUER, ${prefix}_OIDC_CLIENT_ID and ${prefix}_OIDC_CLIENT_SECRET must be set together.`);
      return undefined;
    }
    return { issuer, clientId, clientSecret, scope: raw[`${prefix}_OIDC_SCOPE`] };
  };
  let roleMap: Record<string, string[]> = {};
  if (raw.STAFF_OIDC_ROLE_MAP) {
    const parsed = z.record(z.string(), z.array(z.enum(["balie", "behandelaar", "beheerder"]))).safeParse(safeJson(raw.STAFF_OIDC_ROLE_MAP));
    if (parsed.success) roleMap = parsed.data;
    else problems.push('STAFF_OIDC_ROLE_MAP must be JSON like {"KCC":["balie"],"Vergunningen":["behandelaar"],"Beheer":["beheerder"]}.');
  }
  const digid = client("DIGID");
  const eherkenning = client("EHERKENNING");
  const staff = client("STAFF");
  const env: PortalEnv = {
    mode,
    database: raw.DATABASE_URL
      ? { kind: "postgres", url: raw.DATABASE_URL }
      : { kind: "pglite", dataDir: path.resolve(raw.DATA_DIR, "pglite") },
    dataDir: path.resolve(raw.DATA_DIR),
    attachmentStore: raw.ATTACHMENT_STORE ?? (raw.DATABASE_URL ? "database" : "folder"),
    s3:
      raw.ATTACHMENT_STORE === "s3" && raw.S3_ENDPOINT && raw.S3_BUCKET && raw.S3_ACCESS_KEY_ID && raw.S3_SECRET_ACCESS_KEY
        ? {
            endpoint: raw.S3_ENDPOINT.replace(/\/$/, ""),
            region: raw.S3_REGION,
            bucket: raw.S3_BUCKET,
            accessKeyId: raw.S3_ACCESS_KEY_ID,
            secretAccessKey: raw.S3_SECRET_ACCESS_KEY,
            keyPrefix: raw.S3_KEY_PREFIX ?? "",
          }
        : undefined,
    runWorker: raw.RUN_WORKER ?? true,
    publicUrl: raw.PUBLIC_URL.replace(/\/$/, ""),
    authSecret: raw.AUTH_SECRET,
    partyDataKey: raw.PARTY_DATA_KEY,
    smtpUrl: raw.SMTP_URL,
    mailFrom: raw.MAIL_FROM ?? `${raw.MUNICIPALITY_NAME} <noreply@${new URL(raw.MUNICIPALITY_WEBSITE).hostname.replace(/^www\./, "")}>`,
    logLevel: raw.LOG_LEVEL,
    demoFeatures: raw.DEMO_FEATURES ?? mode === "demo",
    allowDemoInProduction: raw.ALLOW_DEMO_FEATURES_IN_PRODUCTION,
    sessions: {
      resident: { idleSeconds: Math.max(1, Math.round(raw.RESIDENT_IDLE_MINUTES * 60)), maxSeconds: raw.RESIDENT_MAX_HOURS * 3600 },
      staff: { idleSeconds: raw.STAFF_IDLE_MINUTES * 60, maxSeconds: raw.STAFF_MAX_HOURS * 3600 },
    },
    processingLog: { showStaffNames: raw.PROCESSING_LOG_SHOW_STAFF_NAMES },
    drafts: { days: raw.SUBMISSION_DRAFT_DAYS, noticeDays: raw.SUBMISSION_DRAFT_NOTICE_DAYS },
    inbox: { reminderDays: raw.INBOX_REMINDER_DAYS },
    notifications: {
      retryHours: raw.NOTIFICATION_RETRY_HOURS,
      retryBaseSeconds: raw.NOTIFICATION_RETRY_BASE_SECONDS,
      bounceSecret: raw.NOTIFICATION_BOUNCE_SECRET,
      verificationHours: raw.EMAIL_VERIFICATION_HOURS,
      claimTimeoutSeconds: raw.NOTIFICATION_CLAIM_TIMEOUT_SECONDS,
    },
    oidc: {
      digid: digid && { ...digid, bsnClaim: raw.DIGID_BSN_CLAIM, levelClaim: raw.DIGID_LEVEL_CLAIM },
      eherkenning: eherkenning && { ...eherkenning, kvkClaim: raw.EHERKENNING_KVK_CLAIM, branchClaim: raw.EHERKENNING_BRANCH_CLAIM, levelClaim: raw.EHERKENNING_LEVEL_CLAIM },
      staff: staff && { ...staff, rolesClaim: raw.STAFF_OIDC_ROLES_CLAIM, roleMap },
    },
    municipality: {
      name: raw.MUNICIPALITY_NAME,
      logo: raw.MUNICIPALITY_LOGO,
      colourPrimary: raw.MUNICIPALITY_COLOUR_PRIMARY.toLowerCase(),
      colourAccent: raw.MUNICIPALITY_COLOUR_ACCENT.toLowerCase(),
      phone: raw.MUNICIPALITY_PHONE,
      email: raw.MUNICIPALITY_EMAIL,
      counterAddress: raw.MUNICIPALITY_COUNTER_ADDRESS,
      openingHours: { nl: raw.MUNICIPALITY_OPENING_HOURS, en: raw.MUNICIPALITY_OPENING_HOURS_EN },
      website: raw.MUNICIPALITY_WEBSITE,
    },
  };
  problems.push(...configurationProblems(env));
  if (problems.length > 0) throw new ConfigurationError(problems);
  return env;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Relative luminance contrast ratio of two #rrggbb colours (WCAG 2.1 definition). */
export function contrastRatio(a: string, b: string): number {
  const luminance = (hex: string) => {
    const channels = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255);
    const [r, g, bl] = channels.map((c) => (c <= 0.04045 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4)) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** Every reason this configuration is unsafe or unusable; empty when it may start. */
export function configurationProblems(env: PortalEnv): string[] {
  const problems: string[] = [];
  // Brand colours carry white text (buttons, header): WCAG 2.1 AA needs 4.5:1.
  for (const [name, colour] of [
    ["MUNICIPALITY_COLOUR_PRIMARY", env.municipality.colourPrimary],
    ["MUNICIPALITY_COLOUR_ACCENT", env.municipality.colourAccent],
  ] as const) {
    const ratio = contrastRatio(colour, "#ffffff");
    if (ratio < 4.5) {
      problems.push(`${name}: ${colour} has a contrast of ${ratio.toFixed(2)}:1 with white text; WCAG 2.1 AA needs at least 4.5:1. Choose a darker colour.`);
    }
  }
  if (env.attachmentStore === "s3" && !env.s3) {
    problems.push("ATTACHMENT_STORE=s3 needs S3_ENDPOINT, S3_BUCKET, S3_ACCESS_KEY_ID and S3_SECRET_ACCESS_KEY (S3_REGION defaults to us-east-1).");
  }
  if (env.mode === "production") {
    if (!env.authSecret) problems.push("AUTH_SECRET is required in production (at least 32 random characters: openssl rand -base64 48).");
    if (!env.partyDataKey) problems.push("PARTY_DATA_KEY is required in production (openssl rand -base64 32); it encrypts BSNs at rest.");
    if (env.database.kind !== "postgres") problems.push("DATABASE_URL is required in production; the embedded database is for trying the portal only.");
    if (!env.smtpUrl) problems.push("SMTP_URL is required in production; without it mail would only be written to files.");
    if (!env.publicUrl.startsWith("https://")) problems.push("PUBLIC_URL must start with https:// in production.");
    if (env.demoFeatures && !env.allowDemoInProduction) {
      problems.push("DEMO_FEATURES is on (login simulators, demo mailbox, demo data). Switch it off, or set ALLOW_DEMO_FEATURES_IN_PRODUCTION=true for an acceptance environment.");
    }
  }
  return problems;
}

const globalForEnv = globalThis as unknown as { __portalEnv?: PortalEnv };

/** The portal's settings from process.env, parsed once per process. */
export function env(): PortalEnv {
  globalForEnv.__portalEnv ??= parseEnv(process.env);
  return globalForEnv.__portalEnv;
}
