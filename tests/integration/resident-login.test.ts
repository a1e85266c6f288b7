import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { schema } from "@/db";
import {
  completeResidentLogin,
  identityFromDigidClaims,
  identityFromEherkenningClaims,
  safeReturnPath,
} from "@/lib/auth/resident-login";
import { endSession, endSessionsOf, lookupSession, touchSession } from "@/lib/auth/session";
import { env } from "@/lib/env";
import { testDatabases, useTestDatabase } from "../support/database";

const digidNames = { bsnClaim: "bsn", levelClaim: "acr" };
const ehNames = { kvkClaim: "kvk", branchClaim: "vestigingsnummer", levelClaim: "acr" };

describe("claims from a broker", () => {
  it("accepts a valid BSN with a known level, and says what is wrong otherwise", () => {
    expect(identityFromDigidClaims({ bsn: "999996708", acr: "urn:oasis:names:tc:SAML:2.0:ac:classes:MobileTwoFactorContract" }, digidNames)).toEqual({
      kind: "person",
      bsn: "999996708",
      level: "midden",
      method: "digid",
    });
    expect(identityFromDigidClaims({ acr: "Midden" }, digidNames)).toBe("bsn-ontbreekt");
    expect(identityFromDigidClaims({ bsn: "123456789", acr: "Midden" }, digidNames)).toBe("bsn-ongeldig");
    expect(identityFromDigidClaims({ bsn: "999996708", acr: "gold" }, digidNames)).toBe("niveau-onbekend");
    expect(identityFromDigidClaims({ bsn: "999996708" }, digidNames)).toBe("niveau-onbekend");
  });

  it("accepts a KvK number with an optional branch", () => {
    expect(identityFromEherkenningClaims({ kvk: "12345678", acr: "EH3" }, ehNames)).toMatchObject({ kind: "business", kvk: "12345678", branch: null, level: "eh3" });
    expect(identityFromEherkenningClaims({ kvk: "87654321", vestigingsnummer: "000012345678", acr: "urn:etoegang:core:assurance-class:loa2plus" }, ehNames)).toMatchObject({
      branch: "000012345678",
      level: "eh2+",
    });
    expect(identityFromEherkenningClaims({ acr: "EH3" }, ehNames)).toBe("kvk-ontbreekt");
    expect(identityFromEherkenningClaims({ kvk: "1234", acr: "EH3" }, ehNames)).toBe("kvk-ongeldig");
    expect(identityFromEherkenningClaims({ kvk: "12345678", vestigingsnummer: "12", acr: "EH3" }, ehNames)).toBe("kvk-ongeldig");
    expect(identityFromEherkenningClaims({ kvk: "12345678", acr: "EH9" }, ehNames)).toBe("niveau-onbekend");
  });
});

describe("the return path after login", () => {
  it.each([
    ["/mijn/zaken?x=1", "/mijn/zaken?x=1"],
    ["/", "/"],
    [undefined, "/mijn"],
    ["", "/mijn"],
    ["//evil.example/x", "/mijn"],
    ["https://evil.example/", "/mijn"],
    ["/\\evil.example", "/mijn"],
    ["javascript:alert(1)", "/mijn"],
    ["/inloggen?reden=idle", "/mijn"],
    ["/api/auth/logout", "/mijn"],
    ["/uitgelogd", "/mijn"],
  ])("%s → %s", (input, expected) => {
    expect(safeReturnPath(input)).toBe(expected);
  });
});

describe.each(testDatabases())("resident sessions on %s", (kind) => {
  const database = useTestDatabase(kind);

  it("a first DigiD login creates the party; the next finds it; both are in the processing log", async () => {
    const first = await completeResidentLogin({ kind: "person", bsn: "999996708", level: "midden", method: "digid" });
    const second = await completeResidentLogin({ kind: "person", bsn: "999996708", level: "hoog", method: "digid-simulator" });
    expect(second.partyId).toBe(first.partyId);
    expect(second.token).not.toBe(first.token);

    const [party] = await database.db.select().from(schema.parties).where(eq(schema.parties.id, first.partyId));
    expect(party!.kind).toBe("person");
    expect(JSON.stringify(party)).not.toContain("999996708"); // sealed and hashed, never plain

    const log = await database.db.select().from(schema.processingLog).where(eq(schema.processingLog.dataSubjectId, first.partyId));
    expect(log).toHaveLength(2);
    expect(log.every((e) => e.actorKind === "system" && e.processingActivity === "identificatie" && e.operationName === "login.digid")).toBe(true);

    const lookup = await lookupSession(second.token);
    expect(lookup).toMatchObject({ status: "active", session: { method: "digid-simulator", kvkNumber: null, unreadMessages: 0, actor: { kind: "party", partyId: first.partyId, partyKind: "person", level: "hoog" } } });

    // The header's count of unread messages comes with the session: only this party's, only the unread ones.
    const other = await completeResidentLogin({ kind: "person", bsn: "123456782", level: "midden", method: "digid" });
    const message = (partyId: string, firstOpenedAt: Date | null) => ({ partyId, kind: "information" as const, subject: "Bericht", body: "Tekst", placedAt: new Date(), firstOpenedAt });
    await database.db.insert(schema.inboxMessages).values([message(first.partyId, null), message(first.partyId, null), message(first.partyId, new Date()), message(other.partyId, null)]);
    expect(await lookupSession(second.token)).toMatchObject({ status: "active", session: { unreadMessages: 2 } });
    expect(await lookupSession(other.token)).toMatchObject({ status: "active", session: { unreadMessages: 1 } });
  });

  it("a business login keeps its KvK number and branch apart", async () => {
    const whole = await completeResidentLogin({ kind: "business", kvk: "12345678", branch: null, level: "eh3", method: "eherkenning" });
    const branch = await completeResidentLogin({ kind: "business", kvk: "87654321", branch: "000012345678", level: "eh2+", method: "eherkenning-simulator" });
    expect(whole.partyId).not.toBe(branch.partyId);
    const lookup = await lookupSession(branch.token);
    expect(lookup).toMatchObject({ status: "active", session: { kvkNumber: "87654321", actor: { kind: "party", partyKind: "business", level: "eh2+" } } });
  });

  it("ends after the idle limit, and stays ended", async () => {
    const { token } = await completeResidentLogin({ kind: "person", bsn: "123456782", level: "basis", method: "digid" });
    const idleMs = env().sessions.resident.idleSeconds * 1000;
    const soon = new Date(Date.now() + idleMs - 60_000);
    expect((await lookupSession(token, soon)).status).toBe("active");
    // The lookup above counted as activity: idle is measured from then.
    const later = new Date(soon.getTime() + idleMs + 1000);
    expect(await lookupSession(token, later)).toEqual({ status: "ended", reason: "idle" });
    expect(await lookupSession(token)).toEqual({ status: "ended", reason: "idle" });
  });

  it("ends at the absolute limit even when active", async () => {
    const { token, expiresAt } = await completeResidentLogin({ kind: "person", bsn: "999993653", level: "substantieel", method: "digid" });
    expect(await lookupSession(token, new Date(expiresAt.getTime() + 1000))).toEqual({ status: "ended", reason: "expired" });
  });

  it("'Blijf ingelogd' moves the deadline; the check at the deadline ends an idle session", async () => {
    const { token } = await completeResidentLogin({ kind: "person", bsn: "999993653", level: "midden", method: "digid" });
    const idleMs = env().sessions.resident.idleSeconds * 1000;
    const t1 = new Date(Date.now() + idleMs - 30_000);
    const refreshed = await touchSession(token, "refresh", t1);
    expect(refreshed).toEqual({ status: "active", idleDeadline: new Date(t1.getTime() + idleMs) });
    // Checked well before the deadline: still active, with the same deadline.
    expect(await touchSession(token, "check", new Date(t1.getTime() + 60_000))).toEqual({ status: "active", idleDeadline: new Date(t1.getTime() + idleMs) });
    expect(await touchSession(token, "check", new Date(t1.getTime() + idleMs))).toEqual({ status: "ended", reason: "idle" });
    expect((await lookupSession(token)).status).toBe("ended");
    expect(await touchSession("not-a-token", "refresh")).toEqual({ status: "ended", reason: "logout" });
  });

  it("logout ends one session; 'overal uitloggen' ends every session of the party", async () => {
    const a = await completeResidentLogin({ kind: "person", bsn: "999996708", level: "midden", method: "digid" });
    const b = await completeResidentLogin({ kind: "person", bsn: "999996708", level: "midden", method: "digid" });
    const other = await completeResidentLogin({ kind: "person", bsn: "123456782", level: "midden", method: "digid" });
    const lookupA = await lookupSession(a.token);
    if (lookupA.status !== "active") throw new Error("expected an active session");
    await endSession(database.db, lookupA.session.sessionId, "logout");
    expect(await lookupSession(a.token)).toEqual({ status: "ended", reason: "logout" });
    expect((await lookupSession(b.token)).status).toBe("active");

    const c = await completeResidentLogin({ kind: "person", bsn: "999996708", level: "midden", method: "digid" });
    const ended = await endSessionsOf(database.db, { partyId: a.partyId }, "logout-everywhere");
    expect(ended).toBeGreaterThanOrEqual(2); // b, c and any open one from earlier tests
    expect(await lookupSession(b.token)).toEqual({ status: "ended", reason: "logout-everywhere" });
    expect(await lookupSession(c.token)).toEqual({ status: "ended", reason: "logout-everywhere" });
    expect((await lookupSession(other.token)).status).toBe("active");
  });
});
