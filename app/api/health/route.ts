import { checkHealth } from "@/lib/health";

export const dynamic = "force-dynamic";

/** GET /api/health: JSON with the state of the database and the job workers; 503 when the database is down. */
export async function GET() {
  const report = await checkHealth();
  return Response.json(report, {
    status: report.status === "unavailable" ? 503 : 200,
    headers: { "Cache-Control": "no-store" },
  });
}
