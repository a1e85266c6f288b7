import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/Button";
import { currentSession, requireParty } from "@/lib/auth/current";
import { levelLabel } from "@/lib/auth/levels";
import { format } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { unreadCount } from "@/lib/inbox/queries";
import { countDrafts } from "@/lib/submissions/draft-queries";

export async function generateMetadata(): Promise<Metadata> {
  const { t } = await getMessages();
  return { title: t.auth.mine.title };
}

/** The resident's and business's landing page after logging in. */
export default async function MinePage() {
  const actor = await requireParty();
  const { t } = await getMessages();
  const lookup = await currentSession();
  const session = lookup.status === "active" ? lookup.session : null;
  const simulated = session?.method.endsWith("-simulator");
  const method = `${levelLabel(actor.level)}${simulated ? ` ${t.auth.header.simulatorSuffix}` : ""}`;
  const [drafts, unread] = await Promise.all([countDrafts(actor), unreadCount(actor)]);
  return (
    <>
      <h1>{t.auth.mine.title}</h1>
      <p>{format(t.auth.mine.loggedInWith, { method })}</p>
      {actor.partyKind === "business" && session?.kvkNumber ? <p>{format(t.auth.mine.business, { kvk: session.kvkNumber })}</p> : null}
      <section aria-labelledby="concepten">
        <h2 id="concepten">{t.submissionFlow.drafts.mineHeading}</h2>
        <p>{drafts ? format(t.submissionFlow.drafts.mineSome, { count: drafts }) : t.submissionFlow.drafts.mineNone}</p>
        {drafts ? (
          <p>
            <Link href="/mijn/aanvragen">{t.submissionFlow.drafts.mineLink}</Link>
          </p>
        ) : null}
      </section>
      <h2>{t.auth.mine.linksHeading}</h2>
      <ul className="mb-8 space-y-3">
        <li>
          <Link href="/mijn/berichten" className="font-semibold">
            {t.inbox.title}
          </Link>
          {unread ? ` (${format(t.inbox.unreadCount, { count: unread })})` : null}
          <br />
          <span className="text-muted">{t.inbox.intro}</span>
        </li>
        <li>
          <Link href="/mijn/zaken" className="font-semibold">
            {t.cases.title}
          </Link>
          <br />
          <span className="text-muted">{t.cases.intro}</span>
        </li>
        <li>
          <Link href="/mijn/instellingen" className="font-semibold">
            {t.notifications.settings.link}
          </Link>
          <br />
          <span className="text-muted">{t.notifications.settings.linkHint}</span>
        </li>
        <li>
          <Link href="/mijn/meldingen" className="font-semibold">
            {t.notifications.mine.title}
          </Link>
        </li>
        <li>
          <Link href="/mijn/verwerkingen" className="font-semibold">
            {t.auth.mine.processingLog}
          </Link>
          <br />
          <span className="text-muted">{t.auth.mine.processingLogHint}</span>
        </li>
      </ul>
      <section aria-labelledby="overal-uitloggen">
        <h2 id="overal-uitloggen">{t.auth.mine.everywhereHeading}</h2>
        <p>{t.auth.mine.everywhereText}</p>
        <form method="post" action="/api/auth/logout">
          <input type="hidden" name="overal" value="1" />
          <Button variant="secondary">{t.auth.mine.everywhereSubmit}</Button>
        </form>
      </section>
    </>
  );
}
