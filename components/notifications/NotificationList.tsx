import Link from "next/link";
import { Table } from "@/components/ui/Table";
import { format, formatDate, formatDateTime, type Locale, type Messages } from "@/lib/i18n";

export interface NotificationView {
  id: string;
  kind: "decision" | "information-request" | "information" | "receipt" | "reminder" | "outage" | "draft-expiring";
  status: "queued" | "sending" | "retrying" | "delivered" | "failed";
  createdAt: Date;
  deliveredAt: Date | null;
  termEndsOn: string | null;
  failureReason: "no-consent" | "no-verified-address" | "rejected" | "retries-exhausted" | "bounced" | "template-error" | null;
  attempts: { id: string; attempt: number; outcome: "queued" | "sending" | "delivered" | "temporary-failure" | "permanent-failure" | "bounced"; recipient: string | null; responseCode: number | null; detail: string | null; at: Date }[];
}

/** A calendar date "YYYY-MM-DD" as residents read it. */
export function termDate(value: string, locale: Locale): string {
  return formatDate(new Date(`${value}T12:00:00Z`), locale);
}

/**
 * Notices with the proof of each (R14, R16): kind, status, term, and every attempt with its time
 * and outcome. Staff also see the address used and the server's answer.
 */
export function NotificationList({ t, locale, rows, audience, openTasks = {} }: { t: Messages; locale: Locale; rows: readonly NotificationView[]; audience: "party" | "staff"; openTasks?: Record<string, string> }) {
  const n = t.notifications;
  return (
    <ol className="space-y-8">
      {rows.map((row) => (
        <li key={row.id} className="border-l-8 border-solid border-line pl-4" data-testid="notificatie">
          <h3 className="mb-1">
            {n.kinds[row.kind]}: <span data-testid="notificatie-status">{n.statuses[row.status]}</span>
          </h3>
          <dl className="mb-4 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
            <dt className="font-bold">{n.mine.created}</dt>
            <dd className="mb-2 sm:mb-0">
              <time dateTime={row.createdAt.toISOString()}>{formatDateTime(row.createdAt, locale)}</time>
            </dd>
            {row.deliveredAt ? (
              <>
                <dt className="font-bold">{n.mine.delivered}</dt>
                <dd className="mb-2 sm:mb-0">
                  <time dateTime={row.deliveredAt.toISOString()}>{formatDateTime(row.deliveredAt, locale)}</time>
                </dd>
              </>
            ) : null}
            <dt className="font-bold">{n.mine.term}</dt>
            <dd className="mb-2 sm:mb-0">{row.termEndsOn ? termDate(row.termEndsOn, locale) : n.mine.noTerm}</dd>
            {row.failureReason ? (
              <>
                <dt className="font-bold">{n.tasks.reason}</dt>
                <dd>{n.failureReasons[row.failureReason]}</dd>
              </>
            ) : null}
          </dl>
          {audience === "staff" && openTasks[row.id] ? (
            <p>
              <Link href={`/balie/taken/${openTasks[row.id]}`} prefetch={false}>
                {n.tasks.open}: {n.kinds[row.kind]}
              </Link>
            </p>
          ) : null}
          <Table
            caption={format(n.staff.attemptsCaption, { date: formatDateTime(row.createdAt, locale) })}
            rows={row.attempts}
            rowKey={(a) => a.id}
            columns={[
              { header: n.staff.attemptWhen, cell: (a) => <time dateTime={a.at.toISOString()}>{formatDateTime(a.at, locale)}</time> },
              { header: n.staff.attemptOutcome, cell: (a) => n.outcomes[a.outcome], rowHeader: true },
              ...(audience === "staff"
                ? [
                    { header: n.staff.attemptTo, cell: (a: NotificationView["attempts"][number]) => a.recipient ?? "–" },
                    { header: n.staff.attemptDetail, cell: (a: NotificationView["attempts"][number]) => (a.detail ? `${a.responseCode ? `${a.responseCode} ` : ""}${a.detail}` : "–") },
                  ]
                : []),
            ]}
          />
        </li>
      ))}
    </ol>
  );
}
