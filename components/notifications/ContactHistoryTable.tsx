import { Table } from "@/components/ui/Table";
import { format, formatDateTime, type Locale, type Messages } from "@/lib/i18n";

export interface ContactChangeRow {
  id: string;
  change: "email-set" | "email-removed" | "email-verified" | "mobile-set" | "mobile-removed" | "consent";
  kind: "decision" | "information-request" | "information" | "receipt" | "reminder" | "outage" | "draft-expiring" | null;
  value: string | null;
  actorKind: "party" | "staff" | "system";
  at: Date;
}

/** What one change was, in words. */
export function describeChange(t: Messages, row: ContactChangeRow): string {
  const c = t.notifications.changes;
  if (row.change === "consent" && row.kind) {
    return format(row.value === "digital" ? c.consentDigital : c.consentNotDigital, { kind: t.notifications.kinds[row.kind] });
  }
  if (row.change === "consent") return "";
  return format(c[row.change], { value: row.value ?? "" });
}

/** The history of contact details and channel consent (R10): every change with its time and who made it. */
export function ContactHistoryTable({ t, locale, rows, caption, audience }: { t: Messages; locale: Locale; rows: readonly ContactChangeRow[]; caption: string; audience: "party" | "staff" }) {
  const s = t.notifications.settings;
  const by = t.notifications.changedBy;
  return (
    <Table
      caption={caption}
      rows={rows}
      rowKey={(r) => r.id}
      columns={[
        { header: s.historyWhen, cell: (r) => <time dateTime={r.at.toISOString()}>{formatDateTime(r.at, locale)}</time> },
        { header: s.historyWhat, cell: (r) => describeChange(t, r), rowHeader: true },
        { header: s.historyWho, cell: (r) => (r.actorKind === "party" ? (audience === "party" ? by.party : by.partyStaffView) : by[r.actorKind]) },
      ]}
    />
  );
}
