import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  // These packages load WebAssembly, native bindings or worker files by path and must not be bundled.
  serverExternalPackages: ["@electric-sql/pglite", "pg-boss", "pg", "postgres", "pino", "nodemailer"],
  poweredByHeader: false,
  typescript: { tsconfigPath: "tsconfig.json" },
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
