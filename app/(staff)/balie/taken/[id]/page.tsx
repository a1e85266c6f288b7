import type { Metadata } from "next";
import Link from "next/link";
import { Banner } from "@/components/ui/Banner";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { NotificationList, termDate } from "@/components/notifications/NotificationList";
import { notFoundPage } from "@/lib/http/not-found";
import { format, formatDateTime } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { displayDutchMobile } from "@/lib/notifications/contact-rules";
import { fallbackTaskExists, fallbackTaskForStaff } from "@/lib/notifications/queries";
import { requireStaffPage } from "@/lib/staff/guard";
import { CloseTaskForm, PostalAddressForm } from "./forms";
import { isUuid } from "@/lib/http/ids";

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;


async function existingTaskOrNotFound(id: string) {
  const actor = await requireStaffPage("fallback-task:work");
  if (!isUuid(id) || !(await fallbackTaskExists(actor, id))) notFoundPage();
  return actor;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  await existingTaskOrNotFound((await params).id);
  const { t } = await getMessages();
  return { title: t.notifications.tasks.detailTitle, robots: { index: false } };
}

/**
 * One fallback task (R13): who to reach and how, what could not be delivered (with every
 * attempt), the terms running, the letter for the post, and closing the task with its outcome.
 * The resident is identified by the task id in the URL, never by a BSN.
 */
export default async function FallbackTaskPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const { id } = await params;
  const actor = await existingTaskOrNotFound(id);
  const { locale, t } = await getMessages();
  const k = t.notifications.tasks;
  const data = await fallbackTaskForStaff(actor, id);
  if (!data) notFoundPage();
  const { task, party, settings, notification, otherUndelivered } = data;
  const notice = (await searchParams).melding;
  const terms = [notification, ...otherUndelivered].filter((n) => n.termEndsOn);
  const forms = { form: t.form, notifications: t.notifications, partyLookup: t.partyLookup };
  return (
    <>
      <Breadcrumbs t={t} items={[{ label: t.staff.balie.title, href: "/balie" }, { label: k.title, href: "/balie/taken" }, { label: k.detailTitle }]} />
      <h1>{k.detailTitle}</h1>
      {notice === "afgerond" ? (
        <Banner kind="success" className="mb-6">
          <p role="status">{k.closedNotice}</p>
        </Banner>
      ) : null}
      {notice === "adres" ? (
        <Banner kind="success" className="mb-6">
          <p role="status">{k.addressSaved}</p>
        </Banner>
      ) : null}
      {task.status === "closed" && task.outcome && task.closedAt ? (
        <Banner kind="info" className="mb-6">
          <p data-testid="taak-afgerond">{format(k.closed, { date: formatDateTime(task.closedAt, locale), outcome: k.outcomes[task.outcome] })}</p>
          {task.note ? <p>{task.note}</p> : null}
        </Banner>
      ) : null}

      <section aria-labelledby="wie" className="mb-8 max-w-3xl">
        <h2 id="wie">{k.who}</h2>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-bold">{k.kindLabel}</dt>
          <dd className="mb-2 sm:mb-0">{party.kind === "person" ? t.partyLookup.kindPerson : t.partyLookup.kindBusiness}</dd>
          <dt className="font-bold">{k.name}</dt>
          <dd className="mb-2 sm:mb-0">{party.displayName ?? k.nameUnknown}</dd>
          <dt className="font-bold">{party.kind === "person" ? t.partyLookup.bsn : t.partyLookup.kvk}</dt>
          <dd className="mb-2 font-mono sm:mb-0">{party.identifier}</dd>
        </dl>
        <p className="mt-2">
          <Link href={`/balie/partij/${party.id}`} prefetch={false}>
            {k.openParty}
          </Link>
        </p>
      </section>

      <section aria-labelledby="contact" className="mb-8 max-w-3xl">
        <h2 id="contact">{k.contactHeading}</h2>
        <dl className="mb-4 grid grid-cols-1 gap-x-6 gap-y-1 sm:grid-cols-[max-content_1fr]">
          <dt className="font-bold">{t.notifications.staff.email}</dt>
          <dd className="mb-2 sm:mb-0">
            {settings.email ?? t.notifications.staff.none}
            {settings.email && !settings.emailVerifiedAt ? ` (${t.notifications.staff.notVerified})` : ""}
          </dd>
          <dt className="font-bold">{t.notifications.staff.mobile}</dt>
          <dd>{settings.mobile ? <a href={`tel:${settings.mobile}`}>{displayDutchMobile(settings.mobile)}</a> : t.notifications.staff.none}</dd>
        </dl>
        <p>{k.howToFix}</p>
      </section>

      <section aria-labelledby="termijnen" className="mb-8 max-w-3xl">
        <h2 id="termijnen">{k.termsHeading}</h2>
        {terms.length === 0 ? (
          <p>{k.noTerms}</p>
        ) : (
          <ul>
            {terms.map((n) => (
              <li key={n.id}>{format(k.termLine, { kind: t.notifications.kinds[n.kind], date: termDate(n.termEndsOn!, locale) })}</li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="niet-afgeleverd" className="mb-8">
        <h2 id="niet-afgeleverd">{k.whatHeading}</h2>
        <NotificationList t={t} locale={locale} rows={[notification]} audience="staff" />
        {otherUndelivered.length > 0 ? (
          <>
            <h3>{k.otherUndelivered}</h3>
            <ul>
              {otherUndelivered.map((n) => (
                <li key={n.id}>
                  {t.notifications.kinds[n.kind]} ({formatDateTime(n.createdAt, locale)}): {t.notifications.statuses[n.status]}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </section>

      {task.status === "open" ? (
        <>
          <section aria-labelledby="brief" className="mb-8 max-w-3xl">
            <h2 id="brief">{k.letterHeading}</h2>
            <PostalAddressForm t={forms} taskId={task.id} current={task.postalAddress} />
            {task.postalAddress ? (
              <p>
                <Link href={`/balie/taken/${task.id}/brief`} prefetch={false}>
                  {k.letterLink}
                </Link>
              </p>
            ) : (
              <p className="text-muted">{k.letterNeedsAddress}</p>
            )}
          </section>
          <section aria-labelledby="afronden" className="mb-8 max-w-3xl">
            <h2 id="afronden">{k.closeHeading}</h2>
            <CloseTaskForm t={forms} taskId={task.id} />
          </section>
        </>
      ) : null}
      <p>
        <Link href="/balie/taken">{k.backToList}</Link>
      </p>
    </>
  );
}
