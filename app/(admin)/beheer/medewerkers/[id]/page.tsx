import type { Metadata } from "next";
import { Banner } from "@/components/ui/Banner";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { formatDateTime } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { requireStaffPage } from "@/lib/staff/guard";
import { getStaffUser } from "@/lib/staff/queries";
import { AccountButtonForm, ResetPasswordForm, RolesForm } from "../forms";
import { StaffStatus } from "../StaffStatus";

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const actor = await requireStaffPage("staff:manage");
  const staff = await getStaffUser(actor, (await params).id);
  return { title: staff.displayName, robots: { index: false } };
}

/** One staff account: details, roles, temporary password, log out everywhere, deactivate or activate. */
export default async function StaffDetailPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const actor = await requireStaffPage("staff:manage");
  const { locale, t } = await getMessages();
  const staff = await getStaffUser(actor, (await params).id);
  const rawNotice = (await searchParams).melding;
  const notice = typeof rawNotice === "string" && Object.hasOwn(t.staff.admin.notices, rawNotice) ? t.staff.admin.notices[rawNotice] : undefined;
  const self = staff.id === actor.staffUserId;
  const ft = { form: t.form, staff: t.staff };
  const loginMethod = staff.hasPassword && staff.viaIdentityProvider ? t.staff.admin.viaBoth : staff.hasPassword ? t.staff.admin.viaPassword : staff.viaIdentityProvider ? t.staff.admin.viaOidc : t.staff.admin.viaNone;
  return (
    <>
      <Breadcrumbs
        t={t}
        items={[
          { label: t.staff.beheer.title, href: "/beheer" },
          { label: t.staff.admin.title, href: "/beheer/medewerkers" },
          { label: staff.displayName },
        ]}
      />
      <h1>{staff.displayName}</h1>
      {notice ? (
        <Banner kind="success" className="mb-6">
          <p role="status">{notice}</p>
        </Banner>
      ) : null}

      <section aria-labelledby="gegevens" className="mb-10">
        <h2 id="gegevens">{t.staff.admin.detailsHeading}</h2>
        <dl className="grid grid-cols-1 gap-x-6 gap-y-2 sm:grid-cols-[max-content_1fr]">
          <dt className="font-bold">{t.staff.admin.email}</dt>
          <dd className="wrap-anywhere">{staff.email}</dd>
          <dt className="font-bold">{t.staff.admin.colRoles}</dt>
          <dd>{staff.roles.length > 0 ? staff.roles.map((r) => t.staff.roles[r] ?? r).join(", ") : t.staff.admin.noRoles}</dd>
          <dt className="font-bold">{t.staff.admin.loginMethod}</dt>
          <dd>{loginMethod}</dd>
          <dt className="font-bold">{t.staff.admin.status}</dt>
          <dd>
            <StaffStatus t={t} locale={locale} staff={staff} now={new Date()} />
          </dd>
          <dt className="font-bold">{t.staff.admin.lastLogin}</dt>
          <dd>{staff.lastLoginAt ? <time dateTime={staff.lastLoginAt.toISOString()}>{formatDateTime(staff.lastLoginAt, locale)}</time> : t.staff.admin.never}</dd>
          <dt className="font-bold">{t.staff.admin.updated}</dt>
          <dd>
            <time dateTime={staff.updatedAt.toISOString()}>{formatDateTime(staff.updatedAt, locale)}</time>
          </dd>
        </dl>
        {self ? <p className="mt-4">{t.staff.admin.selfNote}</p> : null}
      </section>

      <section aria-labelledby="rollen-wijzigen" className="mb-10">
        <h2 id="rollen-wijzigen">{t.staff.admin.rolesHeading}</h2>
        <p>{t.staff.admin.rolesText}</p>
        {staff.viaIdentityProvider ? <p>{t.staff.admin.rolesOidcNote}</p> : null}
        <RolesForm t={ft} id={staff.id} roles={staff.roles} />
      </section>

      <section aria-labelledby="wachtwoord-instellen" className="mb-10">
        <h2 id="wachtwoord-instellen">{t.staff.admin.resetHeading}</h2>
        <p>{t.staff.admin.resetText}</p>
        <ResetPasswordForm t={ft} id={staff.id} />
      </section>

      <section aria-labelledby="overal-uitloggen" className="mb-10">
        <h2 id="overal-uitloggen">{t.staff.admin.sessionsHeading}</h2>
        <p>{t.staff.admin.sessionsText}</p>
        <AccountButtonForm t={ft} id={staff.id} kind="logout-everywhere" label={t.staff.admin.sessionsSubmit} />
      </section>

      {self ? null : staff.active ? (
        <section aria-labelledby="deactiveren" className="mb-10">
          <h2 id="deactiveren">{t.staff.admin.deactivateHeading}</h2>
          <p>{t.staff.admin.deactivateText}</p>
          <AccountButtonForm t={ft} id={staff.id} kind="deactivate" label={t.staff.admin.deactivateSubmit} />
        </section>
      ) : (
        <section aria-labelledby="activeren" className="mb-10">
          <h2 id="activeren">{t.staff.admin.reactivateHeading}</h2>
          <p>{t.staff.admin.reactivateText}</p>
          <AccountButtonForm t={ft} id={staff.id} kind="reactivate" label={t.staff.admin.reactivateSubmit} />
        </section>
      )}
    </>
  );
}
