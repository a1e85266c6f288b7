import { Button } from "@/components/ui/Button";
import { levelLabel, type AssuranceLevel } from "@/lib/auth/levels";
import { format, type Messages } from "@/lib/i18n";

/**
 * The product page's start button: a plain form posting to /mijn/aanvragen (works without
 * JavaScript). Shown only when the register designates the portal's web form for one of the
 * product's message types today; the button names what is sent ("Bezwaar maken").
 */
export function StartSubmission({
  t,
  slug,
  messageTypes,
  level,
}: {
  t: Pick<Messages, "submissionFlow">;
  slug: string;
  messageTypes: readonly { messageType: keyof Messages["submissionFlow"]["start"]["buttons"]; channels: readonly { kind: string }[] }[];
  /** The login level residents need, if any. */
  level: AssuranceLevel | null;
}) {
  const type = messageTypes.find((m) => m.channels.some((c) => c.kind === "portal-form"));
  if (!type) return null;
  const s = t.submissionFlow.start;
  return (
    <section aria-labelledby="online-sturen" className="mb-8 border-l-8 border-solid border-brand pl-4">
      <h2 id="online-sturen">{s.heading}</h2>
      <p>{s.text}</p>
      {level ? <p>{format(s.loginFirst, { level: levelLabel(level) })}</p> : null}
      <form method="post" action="/mijn/aanvragen">
        <input type="hidden" name="product" value={slug} />
        <Button>{s.buttons[type.messageType]}</Button>
      </form>
    </section>
  );
}
