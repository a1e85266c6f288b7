import { expect, test } from "./fixtures";

// Load balancers and operators ask /api/health; with the database up it answers 200 with JSON.
test("/api/health: 200 JSON with the database ok", async ({ request }) => {
  const response = await request.get("/api/health");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  expect(response.headers()["cache-control"]).toContain("no-store");
  const body = await response.json();
  expect(body.database.ok).toBe(true);
  expect(body.database.kind).toBe(process.env.E2E_DATABASE_URL ? "postgres" : "pglite");
  expect(["ok", "degraded"]).toContain(body.status);
  expect(typeof body.checkedAt).toBe("string");
});
