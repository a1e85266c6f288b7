import { describe, expect, it } from "vitest";
import { caseStatuses } from "@/db/schema/submissions";
import { allowedNextStatuses, checkTransition, handlerStatuses, isHandlerStatus, isOverdue, messageTransition, sendableKinds } from "./transitions";

describe("case status transitions", () => {
  it("lets a received case be taken into handling, wait for information, or be closed with a reason", () => {
    expect(allowedNextStatuses("received")).toEqual(["in-progress", "information-requested", "closed"]);
    expect(checkTransition("received", "in-progress", "")).toEqual({ ok: true });
    expect(checkTransition("received", "closed", "")).toEqual({ ok: false, problem: "close-needs-note" });
    expect(checkTransition("received", "closed", "Ingetrokken door de inwoner")).toEqual({ ok: true });
  });

  it("allows a decision only on a case in handling or waiting for information", () => {
    expect(checkTransition("in-progress", "decided", "")).toEqual({ ok: true });
    expect(checkTransition("information-requested", "decided", "")).toEqual({ ok: true });
    expect(checkTransition("received", "decided", "")).toEqual({ ok: false, problem: "decision-needs-handling" });
  });

  it("after a decision the case can only be closed, and then without a note", () => {
    expect(allowedNextStatuses("decided")).toEqual(["closed"]);
    expect(checkTransition("decided", "closed", "")).toEqual({ ok: true });
    expect(checkTransition("decided", "in-progress", "")).toEqual({ ok: false, problem: "decided-only-closes" });
    expect(checkTransition("decided", "information-requested", "x")).toEqual({ ok: false, problem: "decided-only-closes" });
  });

  it("treats closed as final", () => {
    expect(allowedNextStatuses("closed")).toEqual([]);
    for (const to of handlerStatuses.filter((s) => s !== "closed")) expect(checkTransition("closed", to, "note")).toEqual({ ok: false, problem: "final" });
    expect(checkTransition("closed", "closed", "")).toEqual({ ok: false, problem: "unchanged" });
  });

  it("refuses the status the case already has", () => {
    expect(checkTransition("in-progress", "in-progress", "")).toEqual({ ok: false, problem: "unchanged" });
  });

  it("moves back and forth between handling and waiting for information", () => {
    expect(checkTransition("in-progress", "information-requested", "")).toEqual({ ok: true });
    expect(checkTransition("information-requested", "in-progress", "")).toEqual({ ok: true });
  });

  it("never offers received to a handler, and every offered status passes the check", () => {
    expect(isHandlerStatus("received")).toBe(false);
    expect(isHandlerStatus("onbekend")).toBe(false);
    for (const from of caseStatuses) for (const to of allowedNextStatuses(from)) expect(checkTransition(from, to, "reden").ok).toBe(true);
  });

  it("marks open cases past their decision date as overdue, never decided or closed ones", () => {
    expect(isOverdue("in-progress", "2026-11-28", "2026-11-29")).toBe(true);
    expect(isOverdue("received", "2026-11-29", "2026-11-29")).toBe(false);
    expect(isOverdue("decided", "2026-01-01", "2026-11-29")).toBe(false);
    expect(isOverdue("closed", "2026-01-01", "2026-11-29")).toBe(false);
    expect(isOverdue("received", null, "2026-11-29")).toBe(false);
  });
});

describe("which messages a case handler may send", () => {
  it("a besluit only on a case in handling or waiting for information, and it decides the case", () => {
    expect(messageTransition("in-progress", "decision", false)).toEqual({ ok: true, status: "decided" });
    expect(messageTransition("information-requested", "decision", false)).toEqual({ ok: true, status: "decided" });
    expect(messageTransition("received", "decision", false)).toEqual({ ok: false, problem: "decision-needs-handling" });
  });

  it("on a decided case a besluit only as a correction, and the status stays", () => {
    expect(messageTransition("decided", "decision", false)).toEqual({ ok: false, problem: "decided-only-corrects" });
    expect(messageTransition("decided", "decision", true)).toEqual({ ok: true, status: "decided" });
    expect(messageTransition("decided", "information-request", false)).toEqual({ ok: false, problem: "request-after-decision" });
  });

  it("a request for information makes the case wait for it", () => {
    expect(messageTransition("received", "information-request", false)).toEqual({ ok: true, status: "information-requested" });
    expect(messageTransition("information-requested", "information-request", false)).toEqual({ ok: true, status: "information-requested" });
  });

  it("information never changes the status and may be sent on a closed case; nothing else may", () => {
    expect(messageTransition("closed", "information", false)).toEqual({ ok: true, status: "closed" });
    expect(messageTransition("closed", "decision", true)).toEqual({ ok: false, problem: "final" });
    expect(sendableKinds("closed")).toEqual(["information"]);
    expect(sendableKinds("received")).toEqual(["information-request", "information"]);
    expect(sendableKinds("in-progress")).toEqual(["decision", "information-request", "information"]);
    expect(sendableKinds("decided")).toEqual(["information"]);
  });
});
