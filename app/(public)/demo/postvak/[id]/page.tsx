import type { Metadata } from "next";
import Link from "next/link";
import { Breadcrumbs } from "@/components/ui/Breadcrumbs";
import { formatDateTime } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { demoMailboxEnabled, getDemoMail } from "@/lib/mail/demo-mailbox";
import { notFoundPage } from "@/lib/http/not-found";

type Params = Promise<{ id: string }>;

// The mail's subject is the page title, so tabs and history show which mail this was.
export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { t } = await getMessages();
  const mail = demoMailboxEnabled() ? getDemoMail((await params).id) : null;
  return { title: mail ? `${mail.subject} - ${t.demoMailbox.title}` : t.errors.notFoundTitle };
}

/** One mail in the demo mailbox: its envelope, the text version, and the HTML version in a locked-down frame. */
export default async function DemoMailPage({ params }: { params: Params }) {
  if (!demoMailboxEnabled()) notFoundPage();
  const mail = getDemoMail((await params).id);
  if (!mail) notFoundPage();
  const { locale, t } = await getMessages();
  return (
    <>
      <Breadcrumbs t={t} items={[{ label: t.frame.navHome, href: "/" }, { label: t.demoMailbox.title, href: "/demo/postvak" }, { label: mail.subject }]} />
      <h1 className="break-words">{mail.subject}</h1>

      <dl className="mb-8 grid max-w-3xl grid-cols-1 gap-x-6 gap-y-1 border-y border-solid border-line py-4 sm:grid-cols-[max-content_1fr]">
        <dt className="font-bold">{t.demoMailbox.from}</dt>
        <dd className="mb-2 break-words sm:mb-0">{mail.from}</dd>
        <dt className="font-bold">{t.demoMailbox.to}</dt>
        <dd className="mb-2 break-words sm:mb-0">{mail.to}</dd>
        <dt className="font-bold">{t.demoMailbox.sentAt}</dt>
        <dd className="mb-2 sm:mb-0">
          <time dateTime={mail.sentAt}>{formatDateTime(new Date(mail.sentAt), locale)}</time>
        </dd>
        <dt className="font-bold">{t.demoMailbox.subject}</dt>
        <dd className="break-words">{mail.subject}</dd>
      </dl>

      <section aria-labelledby="tekstversie">
        <h2 id="tekstversie">{t.demoMailbox.textVersion}</h2>
        <pre className="max-w-3xl overflow-x-auto border border-solid border-line bg-surface p-4 font-mono text-base break-words whitespace-pre-wrap">{mail.text}</pre>
      </section>

      <section aria-labelledby="html-versie">
        <h2 id="html-versie">{t.demoMailbox.htmlVersion}</h2>
        {mail.html ? (
          // sandbox="" gives the mail no scripts, no forms, no same-origin access: it is shown, never run.
          <iframe sandbox="" srcDoc={mail.html} title={`${t.demoMailbox.htmlVersion}: ${mail.subject}`} className="h-[36rem] w-full max-w-3xl border border-solid border-line bg-white" />
        ) : (
          <p>{t.demoMailbox.noHtml}</p>
        )}
      </section>

      <p className="mt-8">
        <Link href="/demo/postvak">{t.demoMailbox.back}</Link>
      </p>
    </>
  );
}
