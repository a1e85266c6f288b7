// Runs once when the Next.js server starts, before it handles requests.
export async function register() {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startPortal } = await import("./lib/runtime/start");
    await startPortal("server");
  }
}
