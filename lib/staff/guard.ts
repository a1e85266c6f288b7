import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { currentSession, requireStaff } from "../auth/current";
import type { Actor, Permission } from "../auth/policy";

/**
 * For staff pages: requireStaff(permission), but a staff member who must first choose a new
 * password (after an admin reset) is sent to do that, and comes back here afterwards.
 */
export async function requireStaffPage(permission: Permission): Promise<Extract<Actor, { kind: "staff" }>> {
  const lookup = await currentSession();
  if (lookup.status === "active" && lookup.session.actor.kind === "staff" && lookup.session.mustChangePassword) {
    const path = (await headers()).get("x-pathname") ?? "/";
    redirect(`/medewerker/wachtwoord?${new URLSearchParams({ terug: path })}`);
  }
  return requireStaff(permission);
}
