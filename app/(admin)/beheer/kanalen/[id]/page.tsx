import type { Metadata } from "next";
import { Banner } from "@/components/ui/Banner";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { getChannel } from "@/lib/channels/queries";
import { format } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { requireStaffPage } from "@/lib/staff/guard";
import { ChannelForm } from "../forms";

type Params = Promise<{ id: string }>;
type SearchParams = Promise<Record<string, string | string[] | undefined>>;

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const actor = await requireStaffPage("channels:manage");
  const { t } = await getMessages();
  const channel = await getChannel(actor, (await params).id);
  return { title: format(t.channels.admin.editChannelTitle, { name: channel.nameNl }), robots: { index: false } };
}

/** Admins change a channel's details. */
export default async function ChannelEditPage({ params, searchParams }: { params: Params; searchParams: SearchParams }) {
  const actor = await requireStaffPage("channels:manage");
  const { t } = await getMessages();
  const channel = await getChannel(actor, (await params).id);
  const a = t.channels.admin;
  const rawNotice = (await searchParams).melding;
  const notice = typeof rawNotice === "string" && Object.hasOwn(a.notices, rawNotice) ? a.notices[rawNotice] : undefined;
  return (
    <>
      <Breadcrumbs t={t} items={[{ label: t.staff.beheer.title, href: "/beheer" }, { label: a.title, href: "/beheer/kanalen" }, { label: channel.nameNl }]} />
      <h1>{format(a.editChannelTitle, { name: channel.nameNl })}</h1>
      {notice ? (
        <Banner kind="success" className="mb-6">
          <p role="status">{notice}</p>
        </Banner>
      ) : null}
      <ChannelForm
        t={{ form: t.form, catalogue: t.catalogue, channels: t.channels }}
        id={channel.id}
        initial={{ code: channel.code, soort: channel.kind, "naam-nl": channel.nameNl, "naam-en": channel.nameEn, adres: channel.address, "toelichting-nl": channel.detailsNl ?? "", "toelichting-en": channel.detailsEn ?? "" }}
      />
    </>
  );
}
