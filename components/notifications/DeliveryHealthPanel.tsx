import Link from "next/link";
import { Banner } from "@/components/ui/Banner";
import { format, formatDateTime, type Locale, type Messages } from "@/lib/i18n";
import type { DeliveryHealth } from "@/lib/notifications/queries";

/** Delivery health on the admin dashboard, with a warning when failures rise or templates break. */
export function DeliveryHealthPanel({ t, locale, health }: { t: Messages; locale: Locale; health: DeliveryHealth }) {
  const h = t.notifications.health;
  const rows: [string, string, string][] = [
    [h.total, String(health.total), "totaal"],
    [h.delivered, String(health.delivered), "afgeleverd"],
    [h.pending, String(health.pending), "onderweg"],
    [h.failed, String(health.failed), "mislukt"],
    [h.openTasks, String(health.openTasks), "open-taken"],
    [h.templateErrors, String(health.templateErrors), "sjabloonfouten"],
    [h.oldestUndelivered, health.oldestUndelivered ? formatDateTime(health.oldestUndelivered, locale) : h.none, "oudste"],
  ];
  return (
    <section aria-labelledby="aflevering" className="mb-10 max-w-3xl">
      <h2 id="aflevering">{h.heading}</h2>
      {health.failureWarning ? (
        <Banner kind="warning" className="mb-4">
          <p>{format(h.warning, { percent: Math.round((health.lastDay.failed / health.lastDay.total) * 100), failed: health.lastDay.failed, total: health.lastDay.total })}</p>
        </Banner>
      ) : null}
      {health.templateErrors > 0 ? (
        <Banner kind="warning" className="mb-4">
          <p>{format(h.templateWarning, { count: health.templateErrors })}</p>
        </Banner>
      ) : null}
      <p className="text-muted">{h.caption}</p>
      <dl className="mb-4 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
        {rows.map(([label, value, id]) => (
          <div key={id} className="contents">
            <dt className="font-bold">{label}</dt>
            <dd className="mb-2 sm:mb-0" data-testid={`gezondheid-${id}`}>
              {value}
            </dd>
          </div>
        ))}
      </dl>
      <p>
        <Link href="/beheer/meldingen/sjablonen">{t.notifications.templates.link}</Link>
      </p>
    </section>
  );
}
