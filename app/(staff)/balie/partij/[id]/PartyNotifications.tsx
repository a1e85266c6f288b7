import { ContactHistoryTable } from "@/components/notifications/ContactHistoryTable";
import { NotificationList } from "@/components/notifications/NotificationList";
import { Table } from "@/components/ui/Table";
import { noticeKinds } from "@/lib/notifications/kinds";
import { formatDateTime, type Locale, type Messages } from "@/lib/i18n";
import { displayDutchMobile } from "@/lib/notifications/contact-rules";
import type { partyNotificationsForStaff } from "@/lib/notifications/queries";

type Data = NonNullable<Awaited<ReturnType<typeof partyNotificationsForStaff>>>;

/** For staff on a party's page: contact details, the current channel consent and its history, and every notification with its attempts (R10, R16). */
export function PartyNotifications({ t, locale, data }: { t: Messages; locale: Locale; data: Data }) {
  const s = t.notifications.staff;
  const { settings, history, notifications } = data;
  const consentRows = noticeKinds.map((kind) => ({ kind, digital: settings.consents[kind] }));
  return (
    <>
      <section aria-labelledby="kanaalkeuze-partij" className="mb-10 max-w-4xl">
        <h2 id="kanaalkeuze-partij">{s.heading}</h2>
        <dl className="mb-6 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-bold">{s.email}</dt>
          <dd className="mb-2 break-words sm:mb-0">{settings.email ?? s.none}</dd>
          <dt className="font-bold">{s.emailVerifiedAt}</dt>
          <dd className="mb-2 sm:mb-0">{settings.emailVerifiedAt ? formatDateTime(settings.emailVerifiedAt, locale) : s.notVerified}</dd>
          <dt className="font-bold">{s.mobile}</dt>
          <dd>{settings.mobile ? displayDutchMobile(settings.mobile) : s.none}</dd>
        </dl>
        <Table
          caption={s.consentCaption}
          rows={consentRows}
          rowKey={(r) => r.kind}
          columns={[
            { header: s.consentKind, cell: (r) => t.notifications.kinds[r.kind], rowHeader: true },
            { header: s.consentChoice, cell: (r) => (r.digital === true ? s.digital : r.digital === false ? s.notDigital : s.neverChosen) },
          ]}
        />
        {history.length > 0 ? <ContactHistoryTable t={t} locale={locale} rows={history} caption={s.historyCaption} audience="staff" /> : null}
      </section>
      <section aria-labelledby="notificaties-partij" className="mb-10">
        <h2 id="notificaties-partij">{s.noticesHeading}</h2>
        {notifications.length === 0 ? <p>{s.noticesEmpty}</p> : <NotificationList t={t} locale={locale} rows={notifications} audience="staff" openTasks={data.openTasks} />}
      </section>
    </>
  );
}
