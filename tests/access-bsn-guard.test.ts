import { describe, expect, it } from "vitest";
import { findBsns, maskForReport } from "../e2e/support/bsn-guard";

/** The check the e2e suite uses on requested URLs and on the server log (R30). */
describe("BSN guard", () => {
  it("finds a valid BSN in a URL or a log line, also URL-encoded", () => {
    expect(findBsns("http://127.0.0.1:3600/balie?bsn=123456782")).toEqual(["123456782"]);
    expect(findBsns('{"msg":"lookup 999996708 done"}')).toEqual(["999996708"]);
    expect(findBsns("/zoek?q=%20123456782%20")).toEqual(["123456782"]);
  });

  it("ignores nine digits that fail the elfproef, longer numbers, and ids", () => {
    expect(findBsns("/x?n=999998620")).toEqual([]);
    expect(findBsns("/x?t=1234567820")).toEqual([]);
    expect(findBsns("/balie/partij/12345678-1234-4234-8234-123456782000")).toEqual([]);
    expect(findBsns("trace a123456782b")).toEqual([]);
  });

  it("reports a BSN without repeating it", () => {
    expect(maskForReport("123456782")).toBe("******782");
    expect(findBsns(maskForReport("123456782"))).toEqual([]);
  });
});
