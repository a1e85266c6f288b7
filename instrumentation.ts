import type { Instrumentation } from "next";

// Runs once when the Next.js server starts, before it handles requests.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startPortal } = await import("./lib/runtime/start");
    await startPortal("server");
  }
}

// Every server error, as one JSON log line with the request id. The path is logged without its
// query string, which may carry what a resident typed.
export const onRequestError: Instrumentation.onRequestError = async (error, request, context) => {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { logger } = await import("./lib/log");
  const headers = request.headers as Record<string, string | string[] | undefined>;
  const digest = typeof error === "object" && error !== null && "digest" in error ? String(error.digest) : undefined;
  logger().error(
    {
      requestId: headers["x-request-id"],
      method: request.method,
      path: request.path.split("?")[0],
      routePath: context.routePath,
      routeType: context.routeType,
      digest,
      err: digest === "DATABASE_UNAVAILABLE" ? undefined : error,
    },
    digest === "DATABASE_UNAVAILABLE" ? "database unavailable" : "request failed",
  );
};
