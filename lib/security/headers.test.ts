import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, newNonce, originOf, strictTransportSecurity } from "./headers";

describe("security headers", () => {
  it("builds a CSP with the nonce, no framing, no plugins and forms only to ourselves and the login providers", () => {
    const csp = contentSecurityPolicy({ nonce: "abc123", formActionOrigins: ["https://digid.example", "https://digid.example"] });
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self' 'nonce-abc123' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("base-uri 'self'");
    expect(csp).toContain("form-action 'self' https://digid.example;");
    expect(csp).not.toContain("unsafe-eval");
    expect(csp).not.toContain("upgrade-insecure-requests");
  });

  it("allows eval only in development and upgrades requests only over https", () => {
    expect(contentSecurityPolicy({ nonce: "n", development: true })).toContain("'unsafe-eval'");
    expect(contentSecurityPolicy({ nonce: "n", https: true })).toContain("upgrade-insecure-requests");
  });

  it("gives a fresh nonce each time", () => {
    const a = newNonce();
    expect(a).toMatch(/^[A-Za-z0-9+/]{22}==$/);
    expect(newNonce()).not.toBe(a);
  });

  it("sends HSTS only for an https installation", () => {
    expect(strictTransportSecurity("https://mijn.voorbeeldstad.nl")).toMatch(/^max-age=\d+; includeSubDomains$/);
    expect(strictTransportSecurity("http://localhost:3000")).toBeNull();
  });

  it("takes the origin of an issuer URL", () => {
    expect(originOf("https://login.example/realms/gemeente")).toBe("https://login.example");
    expect(originOf("not a url")).toBeNull();
    expect(originOf(undefined)).toBeNull();
  });
});
