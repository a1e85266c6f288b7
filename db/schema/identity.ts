import { sql } from "drizzle-orm";
import { boolean, check, index, integer, pgTable, text, timestamp, uniqueIndex, uuid } from "drizzle-orm/pg-core";

/**
 * Parties (partijen): residents identified by BSN and businesses identified by KvK number (and
 * optionally a branch). The BSN is never stored in plain text: `bsnSealed` is AES-256-GCM
 * ciphertext and `bsnHash` a keyed hash for lookup (lib/parties/bsn-protection.ts).
 */
export const parties = pgTable(
  "parties",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    kind: text("kind", { enum: ["person", "business"] }).notNull(),
    bsnSealed: text("bsn_sealed"),
    bsnHash: text("bsn_hash"),
    kvkNumber: text("kvk_number"),
    branchNumber: text("branch_number"),
    /** Name as known to the portal (from the broker or entered by the party); optional. */
    displayName: text("display_name"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("parties_bsn_hash_unique").on(t.bsnHash),
    // A business without a branch number is the business as a whole; "" keeps the pair unique.
    uniqueIndex("parties_kvk_unique").on(t.kvkNumber, sql`coalesce(${t.branchNumber}, '')`),
    check("parties_identifier", sql`(${t.kind} = 'person' and ${t.bsnHash} is not null and ${t.bsnSealed} is not null and ${t.kvkNumber} is null) or (${t.kind} = 'business' and ${t.kvkNumber} is not null and ${t.bsnHash} is null)`),
  ],
);

export const staffRoles = ["balie", "behandelaar", "beheerder"] as const;
export type StaffRole = (typeof staffRoles)[number];

/** Staff members (medewerkers): local accounts with a password, or accounts from the municipality's OIDC provider. */
export const staffUsers = pgTable(
  "staff_users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** Lower-cased; the login name for local accounts. */
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    roles: text("roles").array().$type<StaffRole[]>().notNull().default(sql`'{}'::text[]`),
    /** scrypt hash (lib/auth/passwords.ts); null for accounts that only log in through OIDC. */
    passwordHash: text("password_hash"),
    /** Set by an admin reset: the next login must choose a new password. */
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    oidcIssuer: text("oidc_issuer"),
    oidcSubject: text("oidc_subject"),
    active: boolean("active").notNull().default(true),
    failedLogins: integer("failed_logins").notNull().default(0),
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
    deactivatedAt: timestamp("deactivated_at", { withTimezone: true }),
    lastLoginAt: timestamp("last_login_at", { withTimezone: true }),
  },
  (t) => [uniqueIndex("staff_users_email_unique").on(t.email), uniqueIndex("staff_users_oidc_unique").on(t.oidcIssuer, t.oidcSubject)],
);

export const authMethods = ["digid", "eherkenning", "digid-simulator", "eherkenning-simulator", "staff-password", "staff-oidc"] as const;
export type AuthMethod = (typeof authMethods)[number];

/**
 * Server-side sessions. The browser holds only a random token naming the session; logging out,
 * deactivating a staff member or "log out everywhere" ends the row and so the session, at once.
 */
export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** SHA-256 of the random token in the browser's cookie; the token itself is never stored. */
    tokenHash: text("token_hash").notNull(),
    partyId: uuid("party_id").references(() => parties.id),
    staffUserId: uuid("staff_user_id").references(() => staffUsers.id),
    method: text("method", { enum: authMethods }).notNull(),
    /** DigiD or eHerkenning level reached (lib/auth/levels.ts); null for staff. */
    assuranceLevel: text("assurance_level"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    idleTimeoutSeconds: integer("idle_timeout_seconds").notNull(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }),
    endReason: text("end_reason", { enum: ["logout", "idle", "expired", "deactivated", "logout-everywhere", "roles-changed"] }),
  },
  (t) => [
    uniqueIndex("sessions_token_hash_unique").on(t.tokenHash),
    index("sessions_party_idx").on(t.partyId),
    index("sessions_staff_idx").on(t.staffUserId),
    check("sessions_subject", sql`(${t.partyId} is null) <> (${t.staffUserId} is null)`),
  ],
);

/** Login attempts, for rate limiting per account and per address (addresses stored hashed). */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    /** "account:<lower-cased e-mail>" or "address:<hashed IP>". */
    bucket: text("bucket").notNull(),
    succeeded: boolean("succeeded").notNull(),
    at: timestamp("at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("login_attempts_bucket_at_idx").on(t.bucket, t.at)],
);

/**
 * The processing log (verwerkingenlogboek, R29), after the Logius standard "Logboek
 * dataverwerkingen": who processed whose data, why, when. Append-only: a trigger in the
 * migration refuses UPDATE and DELETE.
 */
export const processingLog = pgTable(
  "processing_log",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    traceId: text("trace_id").notNull(),
    spanId: text("span_id").notNull(),
    parentSpanId: text("parent_span_id"),
    status: text("status", { enum: ["ok", "error"] }).notNull(),
    /** What was done, e.g. "party.view", "submission.create". */
    operationName: text("operation_name").notNull(),
    startedAt: timestamp("started_at", { withTimezone: true }).notNull(),
    endedAt: timestamp("ended_at", { withTimezone: true }).notNull(),
    /** The processing activity from the municipality's register (verwerkingsactiviteit), e.g. "dienstverlening-balie". */
    processingActivity: text("processing_activity").notNull(),
    /** Why, in words staff and residents understand. */
    purpose: text("purpose").notNull(),
    /** The data subject: a party id (never a BSN). */
    dataSubjectId: uuid("data_subject_id").notNull(),
    dataSubjectType: text("data_subject_type", { enum: ["person", "business"] }).notNull(),
    actorKind: text("actor_kind", { enum: ["staff", "party", "system"] }).notNull(),
    actorId: text("actor_id"),
    actorRole: text("actor_role"),
  },
  (t) => [index("processing_log_subject_idx").on(t.dataSubjectId, t.startedAt), index("processing_log_actor_idx").on(t.actorId, t.startedAt)],
);
