import { createHash, timingSafeEqual } from "node:crypto";
import { z } from "zod";
import { inTransaction } from "../db";
import { env } from "../env";
import { logger } from "../log";
import { recordBounce } from "./bounce";

const body = z.object({ messageId: z.string().min(3).max(300), reason: z.string().max(500).optional() });

function sameSecret(given: string, expected: string): boolean {
  // Compare hashes: equal length, and no early exit that tells how much of the secret matched.
  const a = createHash("sha256").update(given).digest();
  const b = createHash("sha256").update(expected).digest();
  return timingSafeEqual(a, b);
}

function json(status: number, data: object): Response {
  return Response.json(data, { status, headers: { "cache-control": "no-store" } });
}

/** Handles a bounce report: 404 when the endpoint is off, 401 without the secret, 400 for a bad body, 200 with what happened. */
export async function handleBounceRequest(request: Request): Promise<Response> {
  const secret = env().notifications.bounceSecret;
  if (!secret) return json(404, { error: "not-found" });
  const given = request.headers.get("authorization")?.match(/^Bearer\s+(.+)$/i)?.[1] ?? "";
  if (!given || !sameSecret(given, secret)) return json(401, { error: "unauthorized" });
  let parsed: z.infer<typeof body>;
  try {
    parsed = body.parse(await request.json());
  } catch {
    return json(400, { error: "bad-request", expected: { messageId: "<notificatie-...@...>", reason: "optional text" } });
  }
  const result = await inTransaction((tx) => recordBounce(tx, parsed.messageId, parsed.reason ?? ""));
  logger().child({ component: "bounce" }).info({ result }, "bounce reported");
  return json(result === "unknown" ? 404 : 200, { result });
}
