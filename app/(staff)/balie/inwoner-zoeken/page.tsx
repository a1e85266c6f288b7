import type { Metadata } from "next";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { requireStaffPage } from "@/lib/staff/guard";
import { getMessages } from "@/lib/i18n/server";
import { PartyLookup } from "./PartyLookup";

// The access check runs here too: "not found" thrown only from the page body can reach the browser as an empty shell that needs JavaScript.
export async function generateMetadata(): Promise<Metadata> {
  await requireStaffPage("party:find");
  const { t } = await getMessages();
  return { title: t.partyLookup.title };
}

/** Counter staff look a resident up by BSN, stating why; the lookup is logged for the resident to see. */
export default async function PartyLookupPage() {
  await requireStaffPage("party:find");
  const { t } = await getMessages();
  return (
    <>
      <Breadcrumbs t={t} items={[{ label: t.frame.navHome, href: "/" }, { label: t.partyLookup.title }]} />
      <h1>{t.partyLookup.title}</h1>
      <p className="max-w-[70ch]">{t.partyLookup.intro}</p>
      <PartyLookup />
    </>
  );
}
