import Link from "next/link";
import { can, type Actor, type Permission } from "@/lib/auth/policy";
import { format, type Messages } from "@/lib/i18n";

type StaffActor = Extract<Actor, { kind: "staff" }>;

/** The staff areas and the permission each needs (the same one its page checks). */
export const staffAreas = [
  { href: "/balie", permission: "party:find", key: "balie" },
  { href: "/behandeling", permission: "case:read", key: "behandeling" },
  { href: "/beheer", permission: "staff:manage", key: "beheer" },
] as const satisfies readonly { href: string; permission: Permission; key: keyof Messages["staff"]["areas"] }[];

/** The areas this staff member may open. */
export function areasOf(actor: StaffActor) {
  return staffAreas.filter((area) => can(actor, area.permission));
}

/** Who is logged in with which roles, and links to each area they may open (several roles: several links). */
export function StaffAreas({ t, actor, current }: { t: Pick<Messages, "staff">; actor: StaffActor; current: (typeof staffAreas)[number]["href"] }) {
  const areas = areasOf(actor);
  const roles = actor.roles.map((role) => t.staff.roles[role] ?? role).join(", ");
  return (
    <>
      <p className="text-muted">{format(t.staff.areas.yourRoles, { name: actor.displayName, roles })}</p>
      {areas.length > 1 ? (
        <nav aria-labelledby="werkplekken" className="mb-8">
          <h2 id="werkplekken" className="text-xl">
            {t.staff.areas.heading}
          </h2>
          <ul className="list-disc pl-6">
            {areas.map((area) => (
              <li key={area.href}>
                {area.href === current ? (
                  <span aria-current="page">
                    {t.staff.areas[area.key]} {t.staff.areas.current}
                  </span>
                ) : (
                  <Link href={area.href}>{t.staff.areas[area.key]}</Link>
                )}
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
    </>
  );
}
