import { describe, expect, it } from "vitest";
import { definitionSchema } from "../catalogue/forms/definition";
import { latenessReason, replyLateness, termHasPassed } from "./lateness";
import { replyForm } from "./reply-form";

describe("replyLateness", () => {
  const message = { termEndsOn: "2026-12-07" };

  it("a reply on the term's last day, late in the evening in Amsterdam, is on time", () => {
    expect(replyLateness(message, new Date("2026-12-07T22:30:00Z"))).toEqual({ late: false });
  });

  it("a reply after midnight in Amsterdam is one day late, though still the 7th in UTC", () => {
    expect(replyLateness(message, new Date("2026-12-07T23:30:00Z"))).toEqual({ late: true, receivedOn: "2026-12-08", termEndsOn: "2026-12-07", daysLate: 1 });
  });

  it("counts the days after the term's end, across a month", () => {
    expect(replyLateness({ termEndsOn: "2027-02-26" }, new Date("2027-03-01T10:00:00Z"))).toMatchObject({ late: true, daysLate: 3 });
  });

  it("a message without a term is never late", () => {
    expect(replyLateness({ termEndsOn: null }, new Date("2030-01-01T10:00:00Z"))).toEqual({ late: false });
    expect(termHasPassed({ termEndsOn: null }, new Date("2030-01-01T10:00:00Z"))).toBe(false);
  });

  it("the reason names the day received, the days late and the term's end, in the handler's language", () => {
    const late = replyLateness({ termEndsOn: "2026-03-09" }, new Date("2026-03-12T09:00:00Z"));
    expect(latenessReason(late, "nl")).toBe("Reactie ontvangen op 12 maart 2026, 3 dagen na het einde van de termijn (9 maart 2026).");
    expect(latenessReason(late, "en")).toBe("Reply received on 12 March 2026, 3 days after the end of the term (9 March 2026).");
    expect(latenessReason(replyLateness({ termEndsOn: "2026-03-09" }, new Date("2026-03-10T09:00:00Z")), "nl")).toBe("Reactie ontvangen op 10 maart 2026, 1 dag na het einde van de termijn (9 maart 2026).");
    expect(latenessReason({ late: false }, "nl")).toBeNull();
  });
});

describe("the built-in reply form", () => {
  it("is a valid form definition with the text and files fields", () => {
    const checked = definitionSchema.safeParse(replyForm);
    expect(checked.success).toBe(true);
    expect(replyForm.steps[0]!.fields.map((f) => [f.id, f.kind])).toEqual([
      ["reactie", "longText"],
      ["bijlagen", "file"],
    ]);
  });
});
