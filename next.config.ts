import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // Separate build folders let several builds (a developer's, the tests', a benchmark's) live side by side.
  distDir: process.env.NEXT_DIST_DIR || ".next",
  // These packages load WebAssembly, native bindings or worker files by path and must not be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pg-boss", "pg", "postgres", "pino", "nodemailer"],
  poweredByHeader: false,
  // Metadata (the page <title>) is resolved before the response starts, for every visitor, not
  // streamed into <body> later: titles belong in <head> for screen readers and browsers without
  // JavaScript, and a notFound() from the page or its metadata is then always answered with the
  // server-rendered 404 page instead of an empty error document that needs JavaScript.
  htmlLimitedBots: /.*/,
  typescript: { tsconfigPath: "tsconfig.json" },
  // A resident's draft has its page and its form post at the same address (/mijn/aanvragen and
  // /mijn/aanvragen/<id>; so has a handler's message, /behandeling/zaken/<id>/bericht), but the
  // App Router allows a page or a route handler per address, not
  // both: a form post (it has a Content-Type; a page request has none) goes to the route handler.
  // Server actions (Next-Action header) are not used on these pages and are left alone.
  async rewrites() {
    const post = { has: [{ type: "header" as const, key: "content-type" }], missing: [{ type: "header" as const, key: "next-action" }] };
    return {
      beforeFiles: [
        { source: "/mijn/aanvragen", destination: "/api/aanvragen", ...post },
        { source: "/mijn/aanvragen/:draftId", destination: "/api/aanvragen/:draftId", ...post },
        { source: "/behandeling/zaken/:caseId/bericht", destination: "/api/behandeling/zaken/:caseId/bericht", ...post },
        // Replying to and objecting against a message: the page and its form post share the address too.
        { source: "/mijn/berichten/:id/reageren", destination: "/api/berichten/:id/reageren", ...post },
        { source: "/mijn/berichten/:id/bezwaar", destination: "/api/berichten/:id/bezwaar", ...post },
      ],
      afterFiles: [],
      fallback: [],
    };
  },
  // Fixed headers for every response, static files included. Content-Security-Policy (a nonce per
  // request) and Strict-Transport-Security (only over https) are set in proxy.ts: one place per header.
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "X-Frame-Options", value: "DENY" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=()" },
        ],
      },
    ];
  },
};

export default nextConfig;
