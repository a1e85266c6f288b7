import { readApiQuery } from "@/lib/deadlines/input";
import { tryCalculateTerm } from "@/lib/deadlines/queries";
import { messagesFor } from "@/lib/i18n";

/**
 * GET /api/termijnen?start=YYYY-MM-DD&weken=6 (or dagen= or maanden=): the last day of a term
 * that starts the day after `start`, as a bezwaar term does (Awb 6:8), under the Algemene
 * termijnenwet, with the days equated by Royal decree from the database. Public: the law is.
 * Bad input gets 400 with a JSON error in Dutch and English. See README, "Terms".
 */
export async function GET(request: Request): Promise<Response> {
  const read = readApiQuery(new URL(request.url).searchParams);
  if (!read.ok) {
    const { field, code } = read.error;
    return json(400, { error: { code, field, message: { nl: messagesFor("nl").deadlines.errors[code], en: messagesFor("en").deadlines.errors[code] } } });
  }
  const calculated = await tryCalculateTerm(read.term);
  if (!calculated.ok) {
    return json(503, { error: { code: "databaseUnavailable", message: { nl: messagesFor("nl").deadlines.apiUnavailable, en: messagesFor("en").deadlines.apiUnavailable } } });
  }
  const r = calculated.result;
  return json(200, {
    start: r.event,
    term: r.term,
    firstDay: r.start,
    nominalEnd: r.nominalEnd,
    end: r.end,
    moved: r.moved,
    atwApplies: r.atwApplies,
    rulesApplied: r.rulesApplied,
    reasons: r.reasons,
    explanation: r.explanation,
    steps: r.steps,
  });
}

function json(status: number, body: unknown): Response {
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
