-- The days equated with a holiday by Royal decree (art. 3 lid 3 Algemene termijnenwet) known when
-- this portal was written; the same list as lib/deadlines/known-equated-days.ts (an integration test
-- checks they agree). Admins add later decrees at /beheer/termijnen. Existing rows are left alone.
INSERT INTO "equated_days" ("date", "reason", "decree_reference") VALUES
  ('2023-04-28', 'Vrijdag na Koningsdag', 'Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025 met een algemeen erkende feestdag'),
  ('2023-05-19', 'Vrijdag na Hemelvaartsdag', 'Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025 met een algemeen erkende feestdag'),
  ('2024-05-10', 'Vrijdag na Hemelvaartsdag', 'Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025 met een algemeen erkende feestdag'),
  ('2024-12-27', 'Vrijdag na Tweede Kerstdag', 'Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025 met een algemeen erkende feestdag'),
  ('2025-05-30', 'Vrijdag na Hemelvaartsdag', 'Besluit gelijkstelling van 28 april 2023, 19 mei 2023, 10 mei 2024, 27 december 2024 en 30 mei 2025 met een algemeen erkende feestdag'),
  ('2026-01-02', 'Vrijdag na Nieuwjaarsdag', 'Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag'),
  ('2026-05-15', 'Vrijdag na Hemelvaartsdag', 'Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag'),
  ('2027-05-07', 'Vrijdag na Hemelvaartsdag', 'Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag'),
  ('2028-04-28', 'Vrijdag na Koningsdag', 'Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag'),
  ('2028-05-26', 'Vrijdag na Hemelvaartsdag', 'Besluit gelijkstelling van 2 januari 2026, 15 mei 2026, 7 mei 2027, 28 april 2028 en 26 mei 2028 met een algemeen erkende feestdag')
ON CONFLICT ("date") DO NOTHING;
