import { handleBounceRequest } from "@/lib/notifications/bounce-endpoint";

/**
 * POST /api/meldingen/bounce: a mail system reports that a notice it accepted could not be
 * delivered after all. Authorised with the shared secret NOTIFICATION_BOUNCE_SECRET
 * ("Authorization: Bearer <secret>"); body JSON {"messageId": "<...>", "reason": "..."}.
 */
export async function POST(request: Request): Promise<Response> {
  return handleBounceRequest(request);
}
