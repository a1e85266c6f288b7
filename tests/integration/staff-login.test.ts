import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "@/db";
import { DEMO_STAFF_PASSWORD, demoStaff, seedDemoStaff } from "@/db/seed";
import { hashPassword } from "@/lib/auth/passwords";
import { completeStaffOidcLogin, staffOidcProvider } from "@/lib/auth/staff-oidc";
import { lookupSession, startSession } from "@/lib/auth/session";
import { parseEnv } from "@/lib/env";
import {
  addressBucket,
  changeOwnPassword,
  findOrCreateOidcStaff,
  homeForRoles,
  LOCKOUT_MINUTES,
  mapOidcRoles,
  MAX_FAILURES_PER_ADDRESS,
  readClaim,
  verifyStaffLogin,
} from "@/lib/staff/service";
import { testDatabases, useTestDatabase } from "../support/database";

const { staffUsers } = schema;
const PASSWORD = "Juist-wachtwoord-123";
const SECRET = "test-secret";
const minutes = (base: Date, n: number) => new Date(base.getTime() + n * 60_000);

describe.each(testDatabases())("staff login on %s", (kind) => {
  const database = useTestDatabase(kind);
  let hash: string;
  let counter = 0;

  async function staffMember(values: Partial<typeof staffUsers.$inferInsert> = {}) {
    hash ??= await hashPassword(PASSWORD);
    const email = `medewerker${++counter}@voorbeeldstad.example`;
    const [row] = await database.db
      .insert(staffUsers)
      .values({ email, displayName: `Medewerker ${counter}`, roles: ["balie"], passwordHash: hash, ...values })
      .returning();
    return row!;
  }
  // Every test its own address, so address limits of one test do not touch another.
  const address = () => addressBucket(`10.0.0.${++counter}`, SECRET);

  it("logs in with the right password, case-insensitively on the e-mail address, and records the login", async () => {
    const user = await staffMember({ roles: ["behandelaar", "balie"] });
    const result = await verifyStaffLogin(database.db, { email: `  ${user.email.toUpperCase()} `, password: PASSWORD, addressBucket: address() });
    expect(result).toEqual({ status: "ok", staffUserId: user.id, roles: ["behandelaar", "balie"], mustChangePassword: false });
    const [after] = await database.db.select().from(staffUsers).where(eq(staffUsers.id, user.id));
    expect(after!.lastLoginAt).not.toBeNull();
    expect(homeForRoles(["behandelaar", "balie"])).toBe("/balie");
    expect(homeForRoles(["beheerder"])).toBe("/beheer");
  });

  it("locks the account after 5 wrong passwords, refuses even the right one while locked, and opens after 15 minutes", async () => {
    const user = await staffMember();
    const now = new Date("2026-11-28T10:00:00Z");
    const from = address();
    for (let i = 1; i <= 4; i++) {
      expect(await verifyStaffLogin(database.db, { email: user.email, password: `fout-${i}`, addressBucket: from, now })).toEqual({ status: "invalid" });
    }
    const fifth = await verifyStaffLogin(database.db, { email: user.email, password: "fout-5", addressBucket: from, now });
    expect(fifth).toEqual({ status: "locked", until: minutes(now, LOCKOUT_MINUTES) });
    const [locked] = await database.db.select().from(staffUsers).where(eq(staffUsers.id, user.id));
    expect(locked!.lockedUntil).toEqual(minutes(now, LOCKOUT_MINUTES));

    expect((await verifyStaffLogin(database.db, { email: user.email, password: PASSWORD, addressBucket: address(), now: minutes(now, 14) })).status).toBe("locked");
    const later = await verifyStaffLogin(database.db, { email: user.email, password: PASSWORD, addressBucket: address(), now: minutes(now, LOCKOUT_MINUTES + 1) });
    expect(later.status).toBe("ok");
    const [opened] = await database.db.select().from(staffUsers).where(eq(staffUsers.id, user.id));
    expect(opened).toMatchObject({ failedLogins: 0, lockedUntil: null });
  });

  it("answers an unknown e-mail address exactly as a real one: invalid four times, then locked", async () => {
    const now = new Date("2026-11-28T11:00:00Z");
    const from = address();
    const answers = [];
    for (let i = 1; i <= 5; i++) answers.push((await verifyStaffLogin(database.db, { email: "bestaat-niet@voorbeeldstad.example", password: `fout-${i}`, addressBucket: from, now })).status);
    expect(answers).toEqual(["invalid", "invalid", "invalid", "invalid", "locked"]);
    // After the window it answers "invalid" again, as a real account does after its lock.
    expect((await verifyStaffLogin(database.db, { email: "bestaat-niet@voorbeeldstad.example", password: "x", addressBucket: address(), now: minutes(now, 16) })).status).toBe("invalid");
  });

  it("limits failed attempts per address, across accounts, for the window only", async () => {
    const user = await staffMember();
    const now = new Date("2026-11-28T12:00:00Z");
    const from = address();
    for (let i = 0; i < MAX_FAILURES_PER_ADDRESS; i++) {
      await verifyStaffLogin(database.db, { email: `gok-${i}@voorbeeldstad.example`, password: "fout", addressBucket: from, now });
    }
    // Even the right password of a real account is refused from that address now...
    expect(await verifyStaffLogin(database.db, { email: user.email, password: PASSWORD, addressBucket: from, now: minutes(now, 1) })).toEqual({ status: "rate-limited" });
    // ...but not from another address,
    expect((await verifyStaffLogin(database.db, { email: user.email, password: PASSWORD, addressBucket: address(), now: minutes(now, 1) })).status).toBe("ok");
    // and not from this one once the window has passed.
    expect((await verifyStaffLogin(database.db, { email: user.email, password: PASSWORD, addressBucket: from, now: minutes(now, 16) })).status).toBe("ok");
    // The address is stored only as a keyed hash.
    const buckets = await database.db.select({ bucket: schema.loginAttempts.bucket }).from(schema.loginAttempts);
    expect(buckets.some((b) => b.bucket.includes("10.0.0."))).toBe(false);
  });

  it("refuses deactivated accounts and accounts without a password", async () => {
    const inactive = await staffMember({ active: false });
    expect((await verifyStaffLogin(database.db, { email: inactive.email, password: PASSWORD, addressBucket: address() })).status).toBe("inactive");
    expect((await verifyStaffLogin(database.db, { email: inactive.email, password: "fout", addressBucket: address() })).status).toBe("invalid");
    const oidcOnly = await staffMember({ passwordHash: null, oidcIssuer: "https://idp.example", oidcSubject: "abc" });
    expect((await verifyStaffLogin(database.db, { email: oidcOnly.email, password: PASSWORD, addressBucket: address() })).status).toBe("invalid");
  });

  it("after an admin reset: the session holds no roles until a new password is chosen (min 12, twice the same, not the old one)", async () => {
    const user = await staffMember({ mustChangePassword: true, roles: ["beheerder"] });
    const login = await verifyStaffLogin(database.db, { email: user.email, password: PASSWORD, addressBucket: address() });
    expect(login).toMatchObject({ status: "ok", mustChangePassword: true });
    const { token } = await startSession(database.db, { staffUserId: user.id, method: "staff-password" });
    const before = await lookupSession(token);
    expect(before.status === "active" && before.session).toMatchObject({ mustChangePassword: true, actor: { kind: "staff", roles: [] } });

    expect(await changeOwnPassword(database.db, { staffUserId: user.id, password: "kort", confirmation: "kort" })).toBe("too-short");
    expect(await changeOwnPassword(database.db, { staffUserId: user.id, password: "Nieuw-wachtwoord-1", confirmation: "Nieuw-wachtwoord-2" })).toBe("mismatch");
    expect(await changeOwnPassword(database.db, { staffUserId: user.id, password: PASSWORD, confirmation: PASSWORD })).toBe("same-as-old");
    expect(await changeOwnPassword(database.db, { staffUserId: user.id, password: "Nieuw-wachtwoord-1", confirmation: "Nieuw-wachtwoord-1" })).toEqual({ roles: ["beheerder"] });

    const after = await lookupSession(token);
    expect(after.status === "active" && after.session).toMatchObject({ mustChangePassword: false, actor: { kind: "staff", roles: ["beheerder"] } });
    expect((await verifyStaffLogin(database.db, { email: user.email, password: "Nieuw-wachtwoord-1", addressBucket: address() })).status).toBe("ok");
  });

  it("seeds the demo staff once, hashing only for missing accounts", async () => {
    expect(await seedDemoStaff(database.db)).toBe(demoStaff.length);
    expect(await seedDemoStaff(database.db)).toBe(0);
    const multi = await verifyStaffLogin(database.db, { email: "multi@voorbeeldstad.example", password: DEMO_STAFF_PASSWORD, addressBucket: address() });
    expect(multi).toMatchObject({ status: "ok", roles: ["balie", "behandelaar"] });
  });
});

describe("role mapping from identity provider claims", () => {
  const map = { KCC: ["balie"], Vergunningen: ["behandelaar"], "Functioneel beheer": ["beheerder", "balie"] };

  it("maps known provider roles to portal roles, in the portal's order, without duplicates", () => {
    expect(mapOidcRoles(["Functioneel beheer", "KCC", "Onbekend"], map)).toEqual(["balie", "beheerder"]);
    expect(mapOidcRoles("KCC Vergunningen", map)).toEqual(["balie", "behandelaar"]);
    expect(mapOidcRoles(["Onbekend"], map)).toEqual([]);
    expect(mapOidcRoles(undefined, map)).toEqual([]);
    expect(mapOidcRoles(["__proto__", "constructor"], map)).toEqual([]);
  });

  it("reads nested claims such as Keycloak's realm_access.roles", () => {
    expect(readClaim({ realm_access: { roles: ["KCC"] } }, "realm_access.roles")).toEqual(["KCC"]);
    expect(readClaim({ roles: ["KCC"] }, "roles")).toEqual(["KCC"]);
    expect(readClaim({}, "a.b")).toBeUndefined();
  });
});

describe.each(testDatabases())("staff from the identity provider on %s", (kind) => {
  const database = useTestDatabase(kind);
  const issuer = "https://login.voorbeeldstad.example/realms/gemeente";
  const roleMap = { KCC: ["balie"], Vergunningen: ["behandelaar"], Beheer: ["beheerder"] };
  const login = (claims: Record<string, unknown>) => findOrCreateOidcStaff(database.db, { issuer, claims, rolesClaim: "realm_access.roles", roleMap });

  it("creates the staff member at first login, finds them by issuer and subject later, and updates their roles each time", async () => {
    const first = await login({ sub: "u-1", email: "Kim@Voorbeeldstad.example", name: "Kim de Vries", realm_access: { roles: ["KCC"] } });
    expect(first).toMatchObject({ status: "ok", roles: ["balie"] });
    if (first.status !== "ok") throw new Error("expected ok");
    const [created] = await database.db.select().from(staffUsers).where(eq(staffUsers.id, first.staffUserId));
    expect(created).toMatchObject({ email: "kim@voorbeeldstad.example", displayName: "Kim de Vries", oidcIssuer: issuer, oidcSubject: "u-1", passwordHash: null });

    const { token } = await startSession(database.db, { staffUserId: first.staffUserId, method: "staff-oidc" });
    const second = await login({ sub: "u-1", email: "kim@voorbeeldstad.example", name: "Kim de Vries", realm_access: { roles: ["KCC", "Vergunningen"] } });
    expect(second).toEqual({ status: "ok", staffUserId: first.staffUserId, roles: ["balie", "behandelaar"] });
    // New roles end the sessions that still had the old ones.
    expect(await lookupSession(token)).toEqual({ status: "ended", reason: "roles-changed" });
  });

  it("refuses a login without a mapped role, and takes the roles away from an existing account", async () => {
    expect(await login({ sub: "u-2", email: "geen@voorbeeldstad.example", realm_access: { roles: ["Onbekend"] } })).toEqual({ status: "refused", reason: "no-role" });
    expect(await database.db.select().from(staffUsers).where(eq(staffUsers.oidcSubject, "u-2"))).toHaveLength(0);

    const ok = await login({ sub: "u-3", email: "weg@voorbeeldstad.example", realm_access: { roles: ["Beheer"] } });
    expect(ok.status).toBe("ok");
    expect(await login({ sub: "u-3", email: "weg@voorbeeldstad.example", realm_access: { roles: [] } })).toEqual({ status: "refused", reason: "no-role" });
    const [row] = await database.db.select().from(staffUsers).where(eq(staffUsers.oidcSubject, "u-3"));
    expect(row!.roles).toEqual([]);
  });

  it("refuses a deactivated account and a login without a subject", async () => {
    const ok = await login({ sub: "u-4", email: "uit@voorbeeldstad.example", realm_access: { roles: ["KCC"] } });
    if (ok.status !== "ok") throw new Error("expected ok");
    await database.db.update(staffUsers).set({ active: false }).where(eq(staffUsers.id, ok.staffUserId));
    expect(await login({ sub: "u-4", realm_access: { roles: ["KCC"] } })).toEqual({ status: "refused", reason: "inactive" });
    expect(await login({ realm_access: { roles: ["KCC"] } })).toEqual({ status: "refused", reason: "no-subject" });
  });

  it("links an account an admin created by e-mail address at its first OIDC login", async () => {
    const [made] = await database.db.insert(staffUsers).values({ email: "vooraf@voorbeeldstad.example", displayName: "Vooraf", roles: ["balie"] }).returning();
    const result = await login({ sub: "u-5", email: "vooraf@voorbeeldstad.example", realm_access: { roles: ["Vergunningen"] } });
    expect(result).toEqual({ status: "ok", staffUserId: made!.id, roles: ["behandelaar"] });
  });
});

describe.each(testDatabases())("staff OIDC sign-in (what next-auth's callback calls) on %s", (kind) => {
  useTestDatabase(kind);
  const issuer = "https://login.microsoftonline.com/tenant/v2.0";

  it("starts a staff-oidc session for a mapped role, and refuses with an explaining page otherwise", async () => {
    // The settings as the environment gives them; env() is read once per process.
    const globals = globalThis as { __portalEnv?: ReturnType<typeof parseEnv> };
    const before = globals.__portalEnv;
    globals.__portalEnv = parseEnv({
      PORTAL_MODE: "demo",
      DATA_DIR: process.env.DATA_DIR,
      STAFF_OIDC_ISSUER: issuer,
      STAFF_OIDC_CLIENT_ID: "portal",
      STAFF_OIDC_CLIENT_SECRET: "geheim",
      STAFF_OIDC_ROLE_MAP: '{"Portal.Behandelaar":["behandelaar"],"Portal.Beheer":["beheerder"]}',
    });
    try {
      expect(staffOidcProvider()).toMatchObject({ id: "staff-oidc", wellKnown: `${issuer}/.well-known/openid-configuration`, checks: ["pkce", "state"] });
      const ok = await completeStaffOidcLogin({ iss: issuer, sub: "entra-1", email: "jan@voorbeeldstad.example", name: "Jan", roles: ["Portal.Behandelaar"] });
      if (!("started" in ok)) throw new Error("expected a session");
      expect(ok.redirectTo).toBe("/behandeling");
      const lookup = await lookupSession(ok.started.token);
      expect(lookup.status === "active" && lookup.session).toMatchObject({ method: "staff-oidc", actor: { kind: "staff", roles: ["behandelaar"], displayName: "Jan" } });

      expect(await completeStaffOidcLogin({ iss: issuer, sub: "entra-2", roles: ["Iets anders"] })).toEqual({ failure: "no-role", redirectTo: "/inloggen/medewerker/geweigerd?reden=no-role" });
    } finally {
      globals.__portalEnv = before;
    }
  });
});
