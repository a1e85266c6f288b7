import { describe, expect, it } from "vitest";
import { termStatus } from "./term-status";

describe("term status", () => {
  it("runs up to and including the last day, then has ended", () => {
    expect(termStatus("2026-12-10", "2026-12-09")).toBe("running");
    expect(termStatus("2026-12-10", "2026-12-10")).toBe("running");
    expect(termStatus("2026-12-10", "2026-12-11")).toBe("ended");
    expect(termStatus(null, "2026-12-11")).toBe("none");
  });
});
