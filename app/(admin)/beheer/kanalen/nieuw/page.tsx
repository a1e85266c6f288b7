import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { getMessages } from "@/lib/i18n/server";
import { requireStaffPage } from "@/lib/staff/guard";
import { ChannelForm } from "../forms";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.channels.admin.newChannelTitle, robots: { index: false } };
}

/** Admins add a channel. */
export default async function NewChannelPage() {
  await requireStaffPage("channels:manage");
  const { t } = await getMessages();
  const a = t.channels.admin;
  return (
    <>
      <Breadcrumbs t={t} items={[{ label: t.staff.beheer.title, href: "/beheer" }, { label: a.title, href: "/beheer/kanalen" }, { label: a.newChannelTitle }]} />
      <h1>{a.newChannelTitle}</h1>
      <ChannelForm t={{ form: t.form, catalogue: t.catalogue, channels: t.channels }} initial={{}} />
    </>
  );
}
