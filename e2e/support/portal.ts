import { parseEnv } from "../../lib/env";
import { format } from "../../lib/i18n";
import { en } from "../../lib/i18n/messages/en";
import { nl } from "../../lib/i18n/messages/nl";

/**
 * What the specs expect to see. The server under test runs with the built-in demo municipality
 * (playwright.config.ts blanks every MUNICIPALITY_* variable), and the texts come from the
 * message files, so a reworded sentence does not break a test that checks behaviour.
 */
export const municipality = parseEnv({ PORTAL_MODE: "demo" }).municipality;

export { en, format, nl };

/** The municipality's phone number as the footer links it (tel: without spaces). */
export const phoneHref = `tel:${municipality.phone.replace(/\s/g, "")}`;
