import { format, formatDateTime, type Locale, type Messages } from "@/lib/i18n";
import type { StaffSummary } from "@/lib/staff/queries";

/** Active or deactivated, and locked until when, and whether a new password is due. */
export function StaffStatus({ t, locale, staff, now }: { t: Pick<Messages, "staff">; locale: Locale; staff: StaffSummary; now: Date }) {
  const parts = [staff.active ? t.staff.admin.active : t.staff.admin.inactive];
  if (staff.lockedUntil && staff.lockedUntil > now) parts.push(format(t.staff.admin.lockedUntil, { time: formatDateTime(staff.lockedUntil, locale) }));
  if (staff.mustChangePassword) parts.push(t.staff.admin.mustChange);
  return <>{parts.join(". ")}</>;
}
