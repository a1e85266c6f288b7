import Link from "next/link";
import type { Branding } from "@/lib/branding";
import { format, type Messages } from "@/lib/i18n";
import { LoginState, type HeaderSession } from "@/components/auth/LoginState";
import { LanguageSwitch } from "./LanguageSwitch";

/** The header every page shares: logo and name, login state, language switch, main menu. */
export function SiteHeader({ t, brand, path, session = null }: { t: Messages; brand: Branding; path: string; session?: HeaderSession }) {
  return (
    <header className="border-b-8 border-brand bg-white">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center justify-between gap-4 px-4 py-3">
        <Link href="/" className="flex items-center gap-3 text-ink no-underline">
          {/* The link text says where it goes; the logo is decoration next to it. */}
          {/* eslint-disable-next-line @next/next/no-img-element */}
          <img src={brand.logo} alt="" width={48} height={48} className="h-12 w-12" />
          <span className="text-xl font-bold">
            <span className="sr-only">{format(t.frame.homeLink, { municipality: brand.name })}</span>
            <span aria-hidden="true">{brand.name}</span>
          </span>
        </Link>
        <div className="flex flex-wrap items-center gap-4">
          <LoginState t={t} session={session} path={path} />
          <LanguageSwitch t={t} path={path} />
        </div>
      </div>
      <nav aria-label={t.frame.mainNav} className="bg-brand">
        <ul className="mx-auto flex max-w-5xl flex-wrap gap-x-6 px-4 py-2">
          <li>
            <Link href="/" className="font-semibold text-white">
              {t.frame.navHome}
            </Link>
          </li>
          <li>
            <Link href="/kanalen" className="font-semibold text-white">
              {t.frame.navChannels}
            </Link>
          </li>
          <li>
            <Link href="/hulp" className="font-semibold text-white">
              {t.frame.navHelp}
            </Link>
          </li>
          {brand.demo ? (
            <li>
              <Link href="/demo/postvak" className="font-semibold text-white">
                {t.frame.demoMailbox}
              </Link>
            </li>
          ) : null}
        </ul>
      </nav>
    </header>
  );
}
