import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { requireStaffPage } from "@/lib/staff/guard";
import { getMessages } from "@/lib/i18n/server";
import type { PartyResult } from "@/lib/parties/actions";
import { partyExists, recordedPurpose, viewParty } from "@/lib/parties/queries";
import { PartyPage } from "./PartyPage";
import { PartyNotifications } from "./PartyNotifications";
import { partyNotificationsForStaff } from "@/lib/notifications/queries";
import { notFoundPage } from "@/lib/http/not-found";
import { isUuid } from "@/lib/http/ids";

type Params = Promise<{ id: string }>;


// "Not found" is decided here too: thrown only from the page body, Next sends an empty shell that needs JavaScript to show the 404 page.
export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  await existingPartyOrNotFound((await params).id);
  const { t } = await getMessages();
  return { title: t.partyLookup.partyTitle };
}

async function existingPartyOrNotFound(id: string) {
  const actor = await requireStaffPage("party:read");
  if (!isUuid(id) || !(await partyExists(actor, id))) notFoundPage();
  return actor;
}

/**
 * One party for counter staff. Every view is logged with a purpose: the one recorded at the
 * lookup moments ago, or one asked for here first. An unknown id is "not found", like any page one may not see.
 */
export default async function StaffPartyPage({ params }: { params: Params }) {
  const { id } = await params;
  const actor = await existingPartyOrNotFound(id);
  const { locale, t } = await getMessages();
  const purpose = await recordedPurpose(actor, id);
  const party = purpose ? await viewParty(actor, id, purpose) : null;
  const initial: PartyResult | null =
    party && purpose ? { party: { ...party, createdAt: party.createdAt.toISOString(), lastLoginAt: party.lastLoginAt?.toISOString() ?? null }, purpose } : null;
  return (
    <>
      <Breadcrumbs t={t} items={[{ label: t.frame.navHome, href: "/" }, { label: t.partyLookup.title, href: "/balie/inwoner-zoeken" }, { label: t.partyLookup.partyTitle }]} />
      <h1>{t.partyLookup.partyTitle}</h1>
      <PartyPage partyId={id} initial={initial} />
      {party && purpose ? <PartyNotificationsSection actor={actor} partyId={id} purpose={purpose} t={t} locale={locale} /> : null}
      <p className="mt-8">
        <Link href="/balie/inwoner-zoeken">{t.partyLookup.searchAgain}</Link>
      </p>
    </>
  );
}

/** Contact details, consent and notifications, shown once a purpose for this visit is recorded (logged under it). */
async function PartyNotificationsSection({ actor, partyId, purpose, t, locale }: { actor: Awaited<ReturnType<typeof requireStaffPage>>; partyId: string; purpose: string; t: Awaited<ReturnType<typeof getMessages>>["t"]; locale: Awaited<ReturnType<typeof getMessages>>["locale"] }) {
  const data = await partyNotificationsForStaff(actor, partyId, purpose);
  return data ? <PartyNotifications t={t} locale={locale} data={data} /> : null;
}
