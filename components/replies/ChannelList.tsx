import type { Locale } from "@/lib/i18n";

/** Channels from the register (where to send something instead), one per line with its address and details. */
export function ChannelList({ channels, locale }: { channels: readonly { kind: string; name: { nl: string; en: string }; address: string; details: { nl: string | null; en: string | null } }[]; locale: Locale }) {
  return (
    <ul className="mb-6 max-w-[70ch] space-y-3" data-testid="kanalen">
      {channels.map((c) => (
        <li key={`${c.kind}|${c.address}`}>
          <strong>{c.name[locale]}</strong>: {c.address}
          {c.details[locale] ?? c.details.nl ? <span className="block text-muted">{c.details[locale] ?? c.details.nl}</span> : null}
        </li>
      ))}
    </ul>
  );
}
