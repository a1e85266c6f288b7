import type { Metadata } from "next";
import Link from "next/link";
import { StaffAreas } from "@/app/(staff)/_components/StaffAreas";
import { can } from "@/lib/auth/policy";
import { getMessages } from "@/lib/i18n/server";
import { requireStaffPage } from "@/lib/staff/guard";
import { DeliveryHealthPanel } from "@/components/notifications/DeliveryHealthPanel";
import { deliveryHealth } from "@/lib/notifications/queries";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.staff.beheer.title, robots: { index: false } };
}

/** The admins' start page: what they can manage now. */
export default async function BeheerPage() {
  const actor = await requireStaffPage("staff:manage");
  const { locale, t } = await getMessages();
  const health = can(actor, "notifications:manage") ? await deliveryHealth(actor) : null;
  return (
    <>
      <h1>{t.staff.beheer.title}</h1>
      <StaffAreas t={t} actor={actor} current="/beheer" />
      <p>{t.staff.beheer.intro}</p>
      <ul className="space-y-4">
        <li>
          <Link href="/beheer/medewerkers" className="text-xl font-bold">
            {t.staff.beheer.staffLink}
          </Link>
          <p className="mb-0">{t.staff.beheer.staffText}</p>
        </li>
        {can(actor, "catalogue:manage") ? (
          <>
            <li>
              <Link href="/beheer/producten" className="text-xl font-bold">
                {t.catalogue.admin.title}
              </Link>
              <p className="mb-0">{t.catalogue.admin.intro}</p>
            </li>
            <li>
              <Link href="/beheer/formulieren" className="text-xl font-bold">
                {t.forms.editor.listTitle}
              </Link>
              <p className="mb-0">{t.forms.editor.listIntro}</p>
            </li>
            <li>
              <Link href="/beheer/wmebv" className="text-xl font-bold">
                {t.wmebv.title}
              </Link>
              <p className="mb-0">{t.wmebv.intro}</p>
            </li>
            <li>
              <Link href="/beheer/termijnen" className="text-xl font-bold">
                {t.deadlines.admin.link}
              </Link>
              <p className="mb-0">{t.deadlines.admin.linkText}</p>
            </li>
          </>
        ) : null}
        {can(actor, "channels:manage") ? (
          <li>
            <Link href="/beheer/kanalen" className="text-xl font-bold">
              {t.channels.admin.title}
            </Link>
            <p className="mb-0">{t.channels.admin.intro}</p>
          </li>
        ) : null}
        {can(actor, "processing-log:read") ? (
          <li>
            <Link href="/beheer/verwerkingen" className="text-xl font-bold">
              {t.processingLogAdmin.title}
            </Link>
            <p className="mb-0">{t.staff.beheer.processingLogText}</p>
          </li>
        ) : null}
        {can(actor, "notifications:manage") ? (
          <li>
            <Link href="/beheer/meldingen/sjablonen" className="text-xl font-bold">
              {t.notifications.templates.link}
            </Link>
            <p className="mb-0">{t.notifications.templates.linkText}</p>
          </li>
        ) : null}
      </ul>
      {health ? <DeliveryHealthPanel t={t} locale={locale} health={health} /> : null}
    </>
  );
}
