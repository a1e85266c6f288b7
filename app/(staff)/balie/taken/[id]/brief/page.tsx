import type { Metadata } from "next";
import Link from "next/link";
import { termDate } from "@/components/notifications/NotificationList";
import { env } from "@/lib/env";
import { notFoundPage } from "@/lib/http/not-found";
import { format, formatDate } from "@/lib/i18n";
import { getMessages } from "@/lib/i18n/server";
import { fallbackTaskExists, fallbackTaskForStaff } from "@/lib/notifications/queries";
import { requireStaffPage } from "@/lib/staff/guard";
import { isUuid } from "@/lib/http/ids";

type Params = Promise<{ id: string }>;


async function existingTaskOrNotFound(id: string) {
  const actor = await requireStaffPage("fallback-task:work");
  if (!isUuid(id) || !(await fallbackTaskExists(actor, id))) notFoundPage();
  return actor;
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  await existingTaskOrNotFound((await params).id);
  const { t } = await getMessages();
  return { title: t.notifications.letter.title, robots: { index: false } };
}

// A4 at 210 mm; the address sits where the window of a Dutch/European window envelope (DL or C5,
// window left) falls: 20 mm from the left, 50 mm from the top, 85 x 40 mm. The rest of the
// portal's frame is hidden when printing.
const PRINT_CSS = `
@page { size: A4; margin: 0; }
@media print {
  body > *:not(#inhoud):not(main), header, footer, .skip-link { display: none !important; }
  main#inhoud { max-width: none !important; padding: 0 !important; margin: 0 !important; }
  .brief-blad { box-shadow: none !important; border: 0 !important; margin: 0 !important; }
}
.brief-blad { position: relative; width: 210mm; min-height: 297mm; padding: 0; background: #fff; color: #000; font-size: 11pt; line-height: 1.45; }
.brief-afzender { position: absolute; top: 15mm; left: 20mm; right: 20mm; }
.brief-adres { position: absolute; top: 50mm; left: 20mm; width: 85mm; height: 40mm; overflow: hidden; white-space: pre-line; }
.brief-inhoud { position: absolute; top: 105mm; left: 20mm; right: 20mm; }
`;

/**
 * The letter for the post (R13) as a print-friendly page: printed on A4 and folded, the address
 * shows in the window of a window envelope. The same letter as a PDF comes from ./pdf
 * (lib/notifications/letter.ts). No personal details beyond the address: the content of the
 * message stays in the portal.
 */
export default async function LetterPage({ params }: { params: Params }) {
  const { id } = await params;
  const actor = await existingTaskOrNotFound(id);
  const { locale, t } = await getMessages();
  const data = await fallbackTaskForStaff(actor, id, "fallback-task.letter");
  if (!data) notFoundPage();
  const { task, notification, otherUndelivered } = data;
  const l = t.notifications.letter;
  const e = env();
  const terms = [notification, ...otherUndelivered].filter((n) => n.termEndsOn);
  return (
    <>
      <style>{PRINT_CSS}</style>
      <p className="no-print">{l.print}</p>
      {task.postalAddress ? (
        <p className="no-print">
          <a href={`/balie/taken/${task.id}/brief/pdf`}>{l.pdf}</a>
        </p>
      ) : null}
      <p className="no-print">
        <Link href={`/balie/taken/${task.id}`}>{t.notifications.tasks.detailTitle}</Link>
      </p>
      <article className="brief-blad border border-solid border-line shadow-md" aria-label={l.title}>
        <div className="brief-afzender">
          <p className="mb-0 font-bold">{e.municipality.name}</p>
          <p className="mb-0">{e.municipality.counterAddress}</p>
          <p className="mb-0">{e.municipality.phone}</p>
        </div>
        <div className="brief-adres" data-testid="brief-adres">
          {task.postalAddress ?? ""}
        </div>
        <div className="brief-inhoud">
          <p>{format(l.date, { date: formatDate(new Date(), locale) })}</p>
          <p className="font-bold">{l.subject}</p>
          <p>{l.greeting}</p>
          <p>{l.body}</p>
          {terms.length > 0 ? (
            <>
              <p className="mb-1">{l.termsIntro}</p>
              <ul className="mb-4">
                {terms.map((n) => (
                  <li key={n.id}>{format(t.notifications.tasks.termLine, { kind: t.notifications.kinds[n.kind], date: termDate(n.termEndsOn!, locale) })}</li>
                ))}
              </ul>
            </>
          ) : null}
          <p>{format(l.fix, { url: `${e.publicUrl}/mijn/instellingen` })}</p>
          <p>{format(l.help, { phone: e.municipality.phone, address: e.municipality.counterAddress })}</p>
          <p className="mb-0">{l.closing}</p>
          <p>{e.municipality.name}</p>
        </div>
      </article>
    </>
  );
}
