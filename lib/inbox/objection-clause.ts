import type { ChannelKind } from "@/db/schema/channels";
import { longDate, type IsoDate } from "../deadlines/calendar";
import { format, messagesFor, type Locale } from "../i18n";

/**
 * The objection clause of a besluit (bezwaarclausule, R18; Awb 3:45, 6:5, 6:7, 6:8, 8:81): who
 * may object, until which day, where and how (the channels the register designates for
 * "bezwaar"), what an objection must contain, and that interim relief can be asked from the
 * court. Plain Dutch (B1) or English. Pure: the channels come in from the register
 * (lib/inbox/objection-channels.ts). Without a designated channel there is no clause but a
 * problem: a besluit must never go out without saying where to object.
 */

export interface ObjectionChannel {
  kind: ChannelKind;
  name: { nl: string; en: string };
  address: string;
  details: { nl: string | null; en: string | null };
}

export interface ObjectionClauseFacts {
  channels: readonly ObjectionChannel[];
  /** The last day of the objection term (lib/inbox/terms.ts). */
  endsOn: IsoDate;
  /** The case reference the resident can quote. */
  reference?: string | null;
}

export type ObjectionClause = { kind: "clause"; text: string } | { kind: "no-channel"; message: string };

const channelOrder: Record<ChannelKind, number> = { "portal-form": 0, "inbox-reply": 1, email: 2, post: 3, counter: 4 };

export function objectionClause(facts: ObjectionClauseFacts, locale: Locale): ObjectionClause {
  const texts = messagesFor(locale).sendingMessages;
  if (facts.channels.length === 0) return { kind: "no-channel", message: texts.problems["no-objection-channel"] };
  const t = texts.objectionClause;
  const channels = [...facts.channels].sort((a, b) => channelOrder[a.kind] - channelOrder[b.kind]);
  const online = channels.some((c) => c.kind === "portal-form" || c.kind === "inbox-reply");
  const reference = facts.reference ? format(t.referenceSuffix, { reference: facts.reference }) : "";
  const lines = [
    t.heading,
    t.who,
    format(t.term, { date: longDate(facts.endsOn, locale) }),
    "",
    t.where,
    ...channels.flatMap((c) => {
      const details = c.details[locale];
      return [`- ${format(t.channel[c.kind], { address: c.address })}`, ...(details ? [`  ${details}`] : [])];
    }),
    "",
    t.contents,
    ...Object.values(t.items).map((item) => `- ${format(item, { reference })}`),
    ...(online ? [t.signatureOnline] : []),
    "",
    t.stillValid,
    t.urgent,
  ];
  return { kind: "clause", text: lines.join("\n") };
}
