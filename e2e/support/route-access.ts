import type { Permission } from "../../lib/auth/policy";

/**
 * Who may open each route of the portal. tests/access-routes.test.ts fails when a page.tsx or
 * route.ts under app/ is missing here (or listed here but gone), so every new route must be
 * classified; e2e/access.spec.ts then checks each classification in the browser.
 *
 * Keys are URL paths as the App Router builds them: route groups "(...)" left out, dynamic
 * segments as written ("[id]"). Values:
 *   "public"          anyone
 *   "party"           a logged-in resident or business; others are sent to /inloggen, staff get 404
 *   { staff: perm }   a staff member holding that permission; anonymous visitors are sent to
 *                     /inloggen/medewerker, residents and staff without it get 404
 *   "staff-session"   any logged-in staff member; anyone else is sent to /inloggen/medewerker
 */
export type RouteAccess = "public" | "party" | "staff-session" | { staff: Permission };

/** Pages (page.tsx). */
export const pageAccess: Record<string, RouteAccess> = {
  "/": "public",
  "/hulp": "public",
  "/toegankelijkheid": "public",
  "/termijnen": "public",
  "/demo/postvak": "public",
  "/demo/postvak/[id]": "public",
  "/inloggen": "public",
  "/inloggen/digid-simulator": "public",
  "/inloggen/eherkenning-simulator": "public",
  "/inloggen/fout": "public",
  "/inloggen/medewerker": "public",
  "/inloggen/medewerker/geweigerd": "public",
  "/uitgelogd": "public",
  "/kanalen": "public",
  "/producten/[slug]": "public",
  "/medewerker/wachtwoord": "staff-session",
  "/mijn": "party",
  "/mijn/verwerkingen": "party",
  "/mijn/instellingen": "party",
  "/mijn/meldingen": "party",
  "/mijn/aanvragen": "party",
  "/mijn/aanvragen/starten": "party",
  "/mijn/aanvragen/[draftId]": "party",
  "/email-bevestigen": "public",
  "/balie": { staff: "party:find" },
  "/balie/inwoner-zoeken": { staff: "party:find" },
  "/balie/partij/[id]": { staff: "party:read" },
  "/balie/taken": { staff: "fallback-task:work" },
  "/balie/taken/[id]": { staff: "fallback-task:work" },
  "/balie/taken/[id]/brief": { staff: "fallback-task:work" },
  "/behandeling": { staff: "case:read" },
  "/beheer": { staff: "staff:manage" },
  "/beheer/medewerkers": { staff: "staff:manage" },
  "/beheer/medewerkers/nieuw": { staff: "staff:manage" },
  "/beheer/medewerkers/[id]": { staff: "staff:manage" },
  "/beheer/verwerkingen": { staff: "processing-log:read" },
  "/beheer/termijnen": { staff: "catalogue:manage" },
  "/producten/[slug]/formulier": "public",
  "/beheer/formulieren": { staff: "catalogue:manage" },
  "/beheer/producten/[id]/formulier": { staff: "catalogue:manage" },
  "/beheer/producten": { staff: "catalogue:manage" },
  "/beheer/producten/nieuw": { staff: "catalogue:manage" },
  "/beheer/producten/[id]": { staff: "catalogue:manage" },
  "/beheer/producten/[id]/geschiedenis": { staff: "catalogue:manage" },
  "/beheer/wmebv": { staff: "catalogue:manage" },
  "/beheer/kanalen": { staff: "channels:manage" },
  "/beheer/kanalen/nieuw": { staff: "channels:manage" },
  "/beheer/kanalen/[id]": { staff: "channels:manage" },
  "/beheer/kanalen/producten/[id]": { staff: "channels:manage" },
  "/beheer/meldingen/sjablonen": { staff: "notifications:manage" },
  "/mijn/inzendingen/[id]": "party",
  "/mijn/berichten": "party",
  "/mijn/berichten/[id]": "party",
  "/mijn/berichten/[id]/reageren": "party",
  "/mijn/berichten/[id]/bezwaar": "party",
  "/mijn/zaken": "party",
  "/mijn/zaken/[id]": "party",
  "/behandeling/inzendingen/[id]": { staff: "case:read" },
  "/behandeling/inzendingen": { staff: "case:read" },
  "/behandeling/zaken/[id]": { staff: "case:read" },
  "/behandeling/zaken/[id]/bericht": { staff: "message:send" },
  "/behandeling/berichten/[id]/brief": { staff: "message:send" },
};

/** Route handlers (route.ts). Each checks its caller itself; these are reachable by anyone. */
export const routeHandlerAccess: Record<string, RouteAccess> = {
  "/api/health": "public",
  "/api/taal": "public",
  "/api/termijnen": "public",
  "/api/kanalen": "public",
  "/api/auth/[...nextauth]": "public",
  "/api/auth/start/[provider]": "public",
  "/api/auth/logout": "public",
  "/api/auth/session": "public",
  "/beheer/producten/[id]/formulier/export": { staff: "catalogue:manage" },
  "/balie/taken/[id]/brief/pdf": { staff: "fallback-task:work" },
  "/api/meldingen/bounce": "public",
  "/mijn/inzendingen/[id]/kopie": "party",
  "/mijn/inzendingen/[id]/bijlagen/[attachmentId]": "party",
  "/behandeling/inzendingen/[id]/kopie": { staff: "case:read" },
  "/behandeling/berichten/[id]/brief/pdf": { staff: "message:send" },
  // POST /behandeling/zaken/<id>/bericht is rewritten to this (next.config.ts).
  "/api/behandeling/zaken/[caseId]/bericht": { staff: "message:send" },
  "/behandeling/inzendingen/[id]/bijlagen/[attachmentId]": { staff: "case:read" },
  // POST /mijn/aanvragen and /mijn/aanvragen/<id> are rewritten to these (next.config.ts); they answer only the session's party.
  "/api/aanvragen": "party",
  "/api/aanvragen/[draftId]": "party",
  // POST /mijn/berichten/<id>/reageren and /bezwaar are rewritten to these (next.config.ts).
  "/api/berichten/[id]/reageren": "party",
  "/api/berichten/[id]/bezwaar": "party",
  "/mijn/aanvragen/[draftId]/bijlagen": "party",
  "/mijn/aanvragen/[draftId]/bijlagen/[attachmentId]/verwijderen": "party",
  "/mijn/aanvragen/[draftId]/verwijderen": "party",
  "/mijn/berichten/[id]/bijlagen/[attachmentId]": "party",
  "/mijn/berichten/[id]/bewijs": "party",
  "/behandeling/berichten/[id]/bewijs": { staff: "case:read" },
};

/** The URL path of an app/ file: route groups and the file name dropped. */
export function routePathOf(file: string): string {
  const segments = file
    .split(/[\\/]/)
    .slice(1, -1)
    .filter((segment) => !/^\(.*\)$/.test(segment) && !segment.startsWith("@"));
  return `/${segments.join("/")}`;
}
