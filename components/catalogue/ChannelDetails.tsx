import { format, type Locale, type Messages } from "@/lib/i18n";
import { isAssuranceLevel, levelLabel } from "@/lib/auth/levels";

/** One designated channel as the public sees it: kind, name, address, conditions and the decision. */
export interface ChannelView {
  kind: string;
  name: string;
  address: string;
  details?: string | null;
  conditionLevel: string | null;
  maxFileSizeMb: number | null;
  allowedFileTypes: readonly string[];
  decisionTitle: string;
  decisionDate: string;
  decisionUrl: string | null;
  validTo?: string | null;
}

// One formatter per language: making an Intl.DateTimeFormat is costly, and a register page shows many dates.
const formatters = new Map<Locale, Intl.DateTimeFormat>();

/** A calendar date (YYYY-MM-DD) as people read it: "16 december 2025". */
export function calendarDate(iso: string, locale: Locale): string {
  let f = formatters.get(locale);
  if (!f) {
    f = new Intl.DateTimeFormat(locale === "nl" ? "nl-NL" : "en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" });
    formatters.set(locale, f);
  }
  return f.format(new Date(`${iso}T12:00:00Z`));
}

/** The decision that designated a channel, linked when it is published online. */
export function DecisionReference({ t, locale, title, date, url }: { t: Pick<Messages, "channels">; locale: Locale; title: string; date: string; url: string | null }) {
  const text = format(t.channels.register.decision, { title, date: calendarDate(date, locale) });
  return <p className="mb-0 text-base">{url ? <a href={url}>{text}</a> : text}</p>;
}

/** A channel with its conditions (R2, R3): login level, file limits, and the decision that designated it. */
export function ChannelDetails({ t, locale, channel, showDecision = true }: { t: Pick<Messages, "channels">; locale: Locale; channel: ChannelView; showDecision?: boolean }) {
  const r = t.channels.register;
  const isWebAddress = /^https?:\/\//.test(channel.address);
  const isEmail = /^[^\s@]+@[^\s@]+$/.test(channel.address);
  return (
    <div>
      <p className="mb-1">
        <span className="font-bold">{t.channels.kinds[channel.kind] ?? channel.kind}</span>
        {channel.name !== t.channels.kinds[channel.kind] ? <>: {channel.name}</> : null}
      </p>
      <p className="mb-1 wrap-anywhere">
        <span className="sr-only">{r.address}: </span>
        {isEmail ? <a href={`mailto:${channel.address}`}>{channel.address}</a> : isWebAddress ? <a href={channel.address}>{channel.address}</a> : channel.address}
      </p>
      {channel.details ? <p className="mb-1 text-muted">{channel.details}</p> : null}
      <ul className="mb-1 list-disc pl-6">
        <li>{channel.conditionLevel && isAssuranceLevel(channel.conditionLevel) ? format(r.loginLevel, { level: levelLabel(channel.conditionLevel) }) : r.noLogin}</li>
        {channel.kind === "post" || channel.kind === "counter" ? null : channel.allowedFileTypes.length > 0 ? (
          <li>
            {channel.maxFileSizeMb ? `${format(r.maxSize, { size: channel.maxFileSizeMb })}. ` : null}
            {format(r.fileTypes, { types: channel.allowedFileTypes.join(", ") })}
          </li>
        ) : (
          <li>{r.noFiles}</li>
        )}
        {channel.validTo ? <li>{format(r.validTo, { date: calendarDate(channel.validTo, locale) })}</li> : null}
      </ul>
      {showDecision ? <DecisionReference t={t} locale={locale} title={channel.decisionTitle} date={channel.decisionDate} url={channel.decisionUrl} /> : null}
    </div>
  );
}
