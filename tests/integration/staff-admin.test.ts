import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "@/db";
import { lookupSession, startSession } from "@/lib/auth/session";
import {
  addressBucket,
  changeStaffRoles,
  createStaffUser,
  deactivateStaffUser,
  logOutEverywhere,
  reactivateStaffUser,
  resetStaffPassword,
  verifyStaffLogin,
} from "@/lib/staff/service";
import { testDatabases, useTestDatabase } from "../support/database";

const { staffUsers } = schema;
let counter = 0;

describe.each(testDatabases())("admins managing staff on %s", (kind) => {
  const database = useTestDatabase(kind);

  async function account(roles: ("balie" | "behandelaar" | "beheerder")[], active = true) {
    const [row] = await database.db
      .insert(staffUsers)
      .values({ email: `account${++counter}@voorbeeldstad.example`, displayName: `Account ${counter}`, roles, active })
      .returning();
    return row!;
  }
  const session = async (staffUserId: string) => (await startSession(database.db, { staffUserId, method: "staff-password" })).token;

  it("deactivating ends the staff member's sessions at once; reactivating lets them log in again", async () => {
    const admin = await account(["beheerder"]);
    const user = await account(["balie"]);
    const [first, second] = [await session(user.id), await session(user.id)];
    expect(await lookupSession(first)).toMatchObject({ status: "active", session: { unreadMessages: null } }); // staff have no inbox

    expect(await deactivateStaffUser(database.db, { actorId: admin.id, staffUserId: user.id })).toEqual({ sessionsEnded: 2 });
    expect(await lookupSession(first)).toEqual({ status: "ended", reason: "deactivated" });
    expect(await lookupSession(second)).toEqual({ status: "ended", reason: "deactivated" });
    const [row] = await database.db.select().from(staffUsers).where(eq(staffUsers.id, user.id));
    expect(row).toMatchObject({ active: false });
    expect(row!.deactivatedAt).not.toBeNull();
    expect(row!.updatedAt.getTime()).toBeGreaterThanOrEqual(user.updatedAt.getTime());

    expect(await reactivateStaffUser(database.db, { staffUserId: user.id })).toBeNull();
    expect((await lookupSession(await session(user.id))).status).toBe("active");
  });

  it("changing roles ends the sessions (roles-changed), so the new rights apply at once", async () => {
    const admin = await account(["beheerder"]);
    const user = await account(["balie"]);
    const token = await session(user.id);
    expect(await changeStaffRoles(database.db, { actorId: admin.id, staffUserId: user.id, roles: ["behandelaar", "balie"] })).toEqual({ sessionsEnded: 1, changed: true });
    expect(await lookupSession(token)).toEqual({ status: "ended", reason: "roles-changed" });
    const [row] = await database.db.select().from(staffUsers).where(eq(staffUsers.id, user.id));
    expect(row!.roles).toEqual(["balie", "behandelaar"]);
    // The same roles again: nothing changes, nobody is logged out.
    const again = await session(user.id);
    expect(await changeStaffRoles(database.db, { actorId: admin.id, staffUserId: user.id, roles: ["balie", "behandelaar"] })).toEqual({ sessionsEnded: 0, changed: false });
    expect((await lookupSession(again)).status).toBe("active");
  });

  it("an admin cannot deactivate themselves or remove their own admin role", async () => {
    const admin = await account(["beheerder", "balie"]);
    expect(await deactivateStaffUser(database.db, { actorId: admin.id, staffUserId: admin.id })).toBe("self-deactivate");
    expect(await changeStaffRoles(database.db, { actorId: admin.id, staffUserId: admin.id, roles: ["balie"] })).toBe("self-remove-admin");
    // Other roles of their own may change.
    expect(await changeStaffRoles(database.db, { actorId: admin.id, staffUserId: admin.id, roles: ["beheerder"] })).toMatchObject({ changed: true });
  });

  it("the last active admin keeps the admin role and stays active", async () => {
    await database.db.update(staffUsers).set({ active: false });
    const last = await account(["beheerder"]);
    await account(["beheerder"], false); // a deactivated admin does not count
    // Someone other than the admin themselves (a script, the system) tries it.
    const system = "00000000-0000-4000-8000-000000000000";
    expect(await changeStaffRoles(database.db, { actorId: system, staffUserId: last.id, roles: ["balie"] })).toBe("last-admin");
    expect(await deactivateStaffUser(database.db, { actorId: system, staffUserId: last.id })).toBe("last-admin");
    // With a second active admin, it can be done.
    const other = await account(["beheerder"]);
    expect(await changeStaffRoles(database.db, { actorId: other.id, staffUserId: last.id, roles: ["balie"] })).toMatchObject({ changed: true });
    expect(await changeStaffRoles(database.db, { actorId: other.id, staffUserId: other.id, roles: ["balie"] })).toBe("self-remove-admin");
  });

  it("creating: a local account with a temporary password must change it; the e-mail address is unique", async () => {
    const created = await createStaffUser(database.db, { email: " Nieuw@Voorbeeldstad.example ", displayName: " Nieuwe Collega ", roles: ["balie"], initialPassword: "Tijdelijk-wachtwoord-1" });
    expect(created).toMatchObject({ id: expect.any(String) });
    expect(await createStaffUser(database.db, { email: "nieuw@voorbeeldstad.example", displayName: "Dubbel", roles: ["balie"], initialPassword: null })).toBe("email-taken");
    const login = await verifyStaffLogin(database.db, { email: "nieuw@voorbeeldstad.example", password: "Tijdelijk-wachtwoord-1", addressBucket: addressBucket("10.1.0.1", "s") });
    expect(login).toMatchObject({ status: "ok", mustChangePassword: true, roles: ["balie"] });

    const oidcOnly = await createStaffUser(database.db, { email: "idp@voorbeeldstad.example", displayName: "Via IdP", roles: ["behandelaar"], initialPassword: null });
    if (typeof oidcOnly === "string") throw new Error("expected an id");
    const [row] = await database.db.select().from(staffUsers).where(eq(staffUsers.id, oidcOnly.id));
    expect(row).toMatchObject({ passwordHash: null, mustChangePassword: false, displayName: "Via IdP" });
  });

  it("a password reset unlocks the account, ends its sessions and makes it choose a new password", async () => {
    const user = await account(["balie"]);
    await database.db.update(staffUsers).set({ lockedUntil: new Date(Date.now() + 10 * 60_000), failedLogins: 3 }).where(eq(staffUsers.id, user.id));
    const token = await session(user.id);
    expect(await resetStaffPassword(database.db, { staffUserId: user.id, temporaryPassword: "Tijdelijk-wachtwoord-2" })).toEqual({ sessionsEnded: 1 });
    expect((await lookupSession(token)).status).toBe("ended");
    const login = await verifyStaffLogin(database.db, { email: user.email, password: "Tijdelijk-wachtwoord-2", addressBucket: addressBucket("10.1.0.2", "s") });
    expect(login).toMatchObject({ status: "ok", mustChangePassword: true });
    expect(await resetStaffPassword(database.db, { staffUserId: "00000000-0000-4000-8000-000000000001", temporaryPassword: "Tijdelijk-wachtwoord-2" })).toBe("not-found");
  });

  it("'overal uitloggen' ends every open session of one staff member, and only theirs", async () => {
    const user = await account(["behandelaar"]);
    const bystander = await account(["behandelaar"]);
    const tokens = [await session(user.id), await session(user.id)];
    const other = await session(bystander.id);
    expect(await logOutEverywhere(database.db, { staffUserId: user.id })).toEqual({ sessionsEnded: 2 });
    for (const token of tokens) expect(await lookupSession(token)).toEqual({ status: "ended", reason: "logout-everywhere" });
    expect((await lookupSession(other)).status).toBe("active");
  });
});
