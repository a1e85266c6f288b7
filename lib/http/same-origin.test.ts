import { describe, expect, it } from "vitest";
import { isSameOrigin } from "./same-origin";

const publicUrl = "https://mijn.voorbeeldstad.example";
const post = (headers: Record<string, string>, url = "http://localhost:3430/mijn/aanvragen") => new Request(url, { method: "POST", headers });

describe("isSameOrigin", () => {
  it("accepts the public address and the address the request came in on", () => {
    expect(isSameOrigin(post({ origin: publicUrl, "sec-fetch-site": "same-origin" }), publicUrl)).toBe(true);
    expect(isSameOrigin(post({ origin: "http://localhost:3430", host: "localhost:3430" }), publicUrl)).toBe(true);
  });
  it("refuses another site, by Origin or by Sec-Fetch-Site", () => {
    expect(isSameOrigin(post({ origin: "https://evil.example", host: "localhost:3430" }), publicUrl)).toBe(false);
    expect(isSameOrigin(post({ origin: publicUrl, "sec-fetch-site": "cross-site" }), publicUrl)).toBe(false);
    expect(isSameOrigin(post({ origin: "http://localhost:3431", host: "localhost:3430" }), publicUrl)).toBe(false);
  });
  it("without Origin, only a browser that says same-origin passes", () => {
    expect(isSameOrigin(post({ "sec-fetch-site": "same-origin" }), publicUrl)).toBe(true);
    expect(isSameOrigin(post({}), publicUrl)).toBe(false);
    expect(isSameOrigin(post({ origin: "null" }), publicUrl)).toBe(false);
  });
});
