import { env } from "./env";

/** What the screens need to look like this municipality and tell people how to get help (R24). */
export interface Branding {
  name: string;
  logo: string;
  colourPrimary: string;
  colourAccent: string;
  phone: string;
  email: string;
  counterAddress: string;
  openingHours: { nl: string; en: string };
  website: string;
  demo: boolean;
}

/** The municipality's branding and contact details, from configuration. */
export function branding(): Branding {
  const e = env();
  return { ...e.municipality, demo: e.demoFeatures };
}

/** CSS custom properties for the brand colours; the values were checked as #rrggbb at start-up. */
export function brandingCss(b: Branding): string {
  return `:root{--brand-primary:${b.colourPrimary};--brand-accent:${b.colourAccent};}`;
}
