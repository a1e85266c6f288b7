import type { StaffRole } from "@/db/schema/identity";
import type { AssuranceLevel } from "./levels";

/**
 * Who may do what. Permissions are typed strings "<action>:<subject>[:<scope>]"; roles grant
 * them; every query and action checks one (never only a page or the proxy). Pure module.
 */

export const permissions = [
  // Residents and businesses, on their own records only (queries scope by party id).
  "own:read",
  "own:submit",
  "own:settings",
  // Counter staff (balie / KCC).
  "party:find",
  "party:read",
  "party:act-on-behalf",
  "contact-moment:record",
  "fallback-task:work",
  // Case handlers.
  "case:read",
  "case:handle",
  "message:send",
  // Admins (functioneel beheer).
  "catalogue:manage",
  "channels:manage",
  "outages:manage",
  "staff:manage",
  "processing-log:read",
  "notifications:manage",
] as const;
export type Permission = (typeof permissions)[number];

const partyPermissions: readonly Permission[] = ["own:read", "own:submit", "own:settings"];

export const rolePermissions: Record<StaffRole, readonly Permission[]> = {
  balie: ["party:find", "party:read", "party:act-on-behalf", "contact-moment:record", "fallback-task:work"],
  behandelaar: ["party:read", "case:read", "case:handle", "message:send"],
  beheerder: ["catalogue:manage", "channels:manage", "outages:manage", "staff:manage", "processing-log:read", "notifications:manage"],
};

/** The one who acts: a logged-in party, a staff member, or the system itself (jobs). */
export type Actor =
  | { kind: "party"; partyId: string; partyKind: "person" | "business"; sessionId: string; level: AssuranceLevel }
  | { kind: "staff"; staffUserId: string; roles: readonly StaffRole[]; sessionId: string; displayName: string }
  | { kind: "system"; name: string };

/** True when the actor holds the permission. */
export function can(actor: Actor | null, permission: Permission): boolean {
  if (!actor) return false;
  if (actor.kind === "system") return true;
  if (actor.kind === "party") return partyPermissions.includes(permission);
  return actor.roles.some((role) => rolePermissions[role].includes(permission));
}

/** The role under which a staff member did something, for the processing log: the first role that grants it. */
export function roleFor(actor: Actor, permission: Permission): string | null {
  if (actor.kind !== "staff") return null;
  return actor.roles.find((role) => rolePermissions[role].includes(permission)) ?? null;
}
