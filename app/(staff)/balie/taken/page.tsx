import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { Table } from "@/components/ui/Table";
import { termDate } from "@/components/notifications/NotificationList";
import { formatDateTime } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { openFallbackTasks } from "@/lib/notifications/queries";
import { requireStaffPage } from "@/lib/staff/guard";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.notifications.tasks.title, robots: { index: false } };
}

/** Open fallback tasks (R13), oldest first. No personal data in the list: the resident shows on the task. */
export default async function FallbackTasksPage() {
  const actor = await requireStaffPage("fallback-task:work");
  const { locale, t } = await getMessages();
  const k = t.notifications.tasks;
  const tasks = await openFallbackTasks(actor);
  return (
    <>
      <Breadcrumbs t={t} items={[{ label: t.staff.balie.title, href: "/balie" }, { label: k.title }]} />
      <h1>{k.title}</h1>
      <p className="max-w-[70ch]">{k.intro}</p>
      {tasks.length === 0 ? (
        <p>{k.empty}</p>
      ) : (
        <Table
          caption={k.caption}
          rows={tasks}
          rowKey={(r) => r.id}
          columns={[
            { header: k.created, cell: (r) => <time dateTime={r.createdAt.toISOString()}>{formatDateTime(r.createdAt, locale)}</time> },
            { header: k.kind, cell: (r) => t.notifications.kinds[r.kind], rowHeader: true },
            { header: k.reason, cell: (r) => t.notifications.failureReasons[r.reason] },
            { header: k.term, cell: (r) => (r.termEndsOn ? termDate(r.termEndsOn, locale) : t.notifications.mine.noTerm) },
            {
              header: <span className="sr-only">{k.open}</span>,
              cell: (r) => (
                <Link href={`/balie/taken/${r.id}`} prefetch={false} aria-label={`${k.open}: ${t.notifications.kinds[r.kind]}, ${formatDateTime(r.createdAt, locale)}`}>
                  {k.open}
                </Link>
              ),
            },
          ]}
        />
      )}
    </>
  );
}
