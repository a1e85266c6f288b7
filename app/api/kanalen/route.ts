import { branding } from "@/lib/branding";
import { amsterdamDate, isIsoDate } from "@/lib/channels/designations";
import { registerJson } from "@/lib/channels/public";
import { registerJsonOn } from "@/lib/channels/queries";

export const dynamic = "force-dynamic";

/**
 * GET /api/kanalen: the public register of designated channels (R2) as JSON, for today
 * (Europe/Amsterdam) or for ?datum=YYYY-MM-DD. A bad date answers 400 with a JSON error.
 * Documented in the README ("Channel register").
 */
export async function GET(request: Request) {
  const url = new URL(request.url);
  const raw = url.searchParams.get("datum");
  if (raw !== null && !isIsoDate(raw)) {
    return Response.json(
      { error: "invalid-date", message: "De datum moet een bestaande dag zijn in de vorm JJJJ-MM-DD, bijvoorbeeld 2026-01-31.", datum: raw.slice(0, 40) },
      { status: 400, headers: { "Cache-Control": "no-store" } },
    );
  }
  const date = raw ?? amsterdamDate();
  const name = branding().name;
  const body = await registerJsonOn(date, (register) => registerJson(register, name));
  // One JSON text per date and cached register; Next compresses it for clients that ask.
  const headers = { "Content-Type": "application/json; charset=utf-8", "Cache-Control": "public, max-age=60" };
  return new Response(body.text, { headers });
}
