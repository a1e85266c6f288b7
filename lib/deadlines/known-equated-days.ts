import type { EquatedDay } from "./terms";

/**
 * Days equated with a holiday by Royal decree (art. 3 lid 3 Atw) that were known when this was
 * written. The database table `equated_days` holds the days the portal uses; it is filled with
 * these by the custom migration db/migrations/*_equated_days_known.sql and admins add new ones at
 * /beheer/termijnen. This list is the source for that migration and for the unit tests.
 *
 * Sources: the titles of the two decrees, which name every day they equate:
 * - "Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en
 *   30 mei 2025 met een algemeen erkende feestdag";
 * - "Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en
 *   26 mei 2028 met een algemeen erkende feestdag".
 * Their Staatscourant numbers could not be verified here, so the reference is the decree's
 * title; an admin can look them up. Earlier decrees (2022 and before) are left out for the same
 * reason and because terms ending before 2023 are past.
 */
const DECREE_2023_2025 = "Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025 met een algemeen erkende feestdag";
const DECREE_2026_2028 = "Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag";

export const knownEquatedDays: readonly (EquatedDay & { decreeReference: string })[] = [
  { date: "2023-04-28", reason: "Vrijdag na Koningsdag", decreeReference: DECREE_2023_2025 },
  { date: "2023-05-19", reason: "Vrijdag na Hemelvaartsdag", decreeReference: DECREE_2023_2025 },
  { date: "2024-05-10", reason: "Vrijdag na Hemelvaartsdag", decreeReference: DECREE_2023_2025 },
  { date: "2024-12-27", reason: "Vrijdag na Tweede Kerstdag", decreeReference: DECREE_2023_2025 },
  { date: "2025-05-30", reason: "Vrijdag na Hemelvaartsdag", decreeReference: DECREE_2023_2025 },
  { date: "2026-01-02", reason: "Vrijdag na Nieuwjaarsdag", decreeReference: DECREE_2026_2028 },
  { date: "2026-05-15", reason: "Vrijdag na Hemelvaartsdag", decreeReference: DECREE_2026_2028 },
  { date: "2027-05-07", reason: "Vrijdag na Hemelvaartsdag", decreeReference: DECREE_2026_2028 },
  { date: "2028-04-28", reason: "Vrijdag na Koningsdag", decreeReference: DECREE_2026_2028 },
  { date: "2028-05-26", reason: "Vrijdag na Hemelvaartsdag", decreeReference: DECREE_2026_2028 },
];
