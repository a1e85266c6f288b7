import "server-only";
import { headers } from "next/headers";
import type { Logger } from "pino";
import { logger } from "./log";

/** The logger for this request, carrying its request id. */
export async function requestLogger(): Promise<Logger> {
  const id = (await headers()).get("x-request-id") ?? undefined;
  return logger().child({ requestId: id });
}
