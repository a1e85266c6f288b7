import { describe, expect, it } from "vitest";
import { deliveryStatus, notHeldAgainst, undelivered, type NoticeRow } from "./delivery-status";
import { effectiveTerm, recalculatedTerm, termRecalculationNote } from "./effective-term";
import { maskEmail } from "./proof";

const at = (iso: string) => new Date(iso);
const notice = (over: Partial<NoticeRow>): NoticeRow => ({ id: "n1", status: "queued", failureReason: null, createdAt: at("2027-03-01T09:00:00Z"), deliveredAt: null, attemptCount: 0, ...over });

describe("delivery status of a message (R13, R14)", () => {
  it("is delivered when a notice was delivered, and says whether only after sending again", () => {
    expect(deliveryStatus([notice({ status: "delivered", deliveredAt: at("2027-03-01T09:00:05Z"), attemptCount: 1 })])).toMatchObject({ state: "delivered", resent: false });
    expect(deliveryStatus([notice({ status: "delivered", deliveredAt: at("2027-03-14T09:00:05Z"), attemptCount: 2 })])).toMatchObject({ state: "delivered", resent: true });
  });

  it("tells a failure from the party's own choice of post", () => {
    expect(deliveryStatus([notice({ status: "failed", failureReason: "no-verified-address", attemptCount: 1 })])).toMatchObject({ state: "failed", failureReason: "no-verified-address" });
    expect(deliveryStatus([notice({ status: "failed", failureReason: "no-consent", attemptCount: 1 })])).toMatchObject({ state: "not-digital" });
    expect(deliveryStatus([notice({ status: "retrying", attemptCount: 2 })]).state).toBe("pending");
    expect(deliveryStatus([]).state).toBe("none");
  });

  it("does not hold a passed term against a party whose notice was not delivered, unless they chose post", () => {
    const failed = deliveryStatus([notice({ status: "failed", failureReason: "bounced" })]);
    expect(notHeldAgainst(failed, "2027-03-10", "2027-03-11")).toBe(true);
    // On the last day itself the term has not passed yet.
    expect(notHeldAgainst(failed, "2027-03-10", "2027-03-10")).toBe(false);
    expect(undelivered(failed)).toBe(true);
    const post = deliveryStatus([notice({ status: "failed", failureReason: "no-consent" })]);
    expect(notHeldAgainst(post, "2027-03-10", "2027-03-11")).toBe(false);
    expect(undelivered(post)).toBe(false);
    const delivered = deliveryStatus([notice({ status: "delivered", deliveredAt: at("2027-03-01T09:00:05Z"), attemptCount: 1 })]);
    expect(notHeldAgainst(delivered, "2027-03-10", "2027-03-11")).toBe(false);
    expect(notHeldAgainst(failed, null, "2027-03-11")).toBe(false);
  });
});

describe("effective term (R13)", () => {
  it("counts a recalculated end only when it gives more time", () => {
    const recalculation = { countedFrom: at("2027-03-14T10:00:00Z"), endsOn: "2027-04-26", reason: "notice-resent" as const };
    expect(effectiveTerm({ termEndsOn: "2027-04-12" }, recalculation)).toEqual({ originalEndsOn: "2027-04-12", endsOn: "2027-04-26", recalculated: recalculation });
    expect(effectiveTerm({ termEndsOn: "2027-04-30" }, recalculation)).toEqual({ originalEndsOn: "2027-04-30", endsOn: "2027-04-30", recalculated: null });
    expect(effectiveTerm({ termEndsOn: null }, recalculation)).toBeNull();
  });

  it("explains the recalculation in plain words", () => {
    const term = effectiveTerm({ termEndsOn: "2027-04-12" }, { countedFrom: at("2027-03-14T10:00:00Z"), endsOn: "2027-04-26", reason: "notice-resent" });
    expect(termRecalculationNote(term, "nl")).toBe(
      "De termijn is opnieuw berekend vanaf zondag 14 maart 2027, omdat het bericht u eerder niet bereikte. De laatste dag was maandag 12 april 2027 en is nu maandag 26 april 2027.",
    );
    expect(termRecalculationNote(effectiveTerm({ termEndsOn: "2027-04-12" }, null), "nl")).toBeNull();
  });

  it("counts a besluit's six weeks again from the new time of sending, past the Atw", () => {
    // Placed Thursday 25 March 2027 (ends 10 May, past Ascension Day and the equated 7 May); delivered again Monday 29 March.
    expect(recalculatedTerm({ kind: "decision" }, at("2027-03-25T10:00:00Z"), at("2027-03-25T10:00:00Z"), [{ date: "2027-05-07", reason: "brugdag" }])).toBe("2027-05-10");
    expect(recalculatedTerm({ kind: "decision" }, at("2027-03-25T10:00:00Z"), at("2027-03-29T08:00:00Z"), [])).toBe("2027-05-10");
    expect(recalculatedTerm({ kind: "decision" }, at("2027-03-25T10:00:00Z"), at("2027-04-01T08:00:00Z"), [])).toBe("2027-05-13");
  });

  it("moves a last day the handler picked by as many days as the sending was late", () => {
    // Picked Friday 19 March 2027 on Friday 5 March (14 days); delivered again on Wednesday 10 March: 14 days from then is Wednesday 24 March.
    expect(recalculatedTerm({ kind: "information-request", term: { endsOn: "2027-03-19" } }, at("2027-03-05T10:00:00Z"), at("2027-03-10T10:00:00Z"), [])).toBe("2027-03-24");
    expect(recalculatedTerm({ kind: "information-request", term: { amount: 2, unit: "weeks" } }, at("2027-03-05T10:00:00Z"), at("2027-03-10T10:00:00Z"), [])).toBe("2027-03-24");
  });
});

describe("masking addresses in the proof", () => {
  it("shows the first letter and the domain only", () => {
    expect(maskEmail("jan.devries@example.nl")).toBe("j***@example.nl");
    expect(maskEmail("x@y.nl")).toBe("x***@y.nl");
    expect(maskEmail("garbage")).toBe("***");
    expect(maskEmail(null)).toBeNull();
  });
});
