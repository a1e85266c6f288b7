import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { nl } from "@/lib/i18n/messages/nl";
import { TermBox } from "./TermBox";

describe("TermBox", () => {
  const render = (kind: "decision" | "information-request" | "information", status: "running" | "ended") =>
    renderToStaticMarkup(<TermBox t={nl} locale="nl" kind={kind} endsOn="2027-05-10" status={status} />).replace(/<[^>]+>/g, " ");

  it("says until when and what to do before it, per kind", () => {
    expect(render("decision", "running")).toContain("De termijn loopt tot en met 10 mei 2027.");
    expect(render("decision", "running")).toContain("Dan kunt u tot en met 10 mei 2027 bezwaar maken. Dat doet u via de knop Bezwaar maken");
    expect(render("information-request", "running")).toContain("Stuur de gevraagde informatie uiterlijk op die dag. Dat doet u via de knop Reageren");
    expect(render("information-request", "running")).not.toContain("bezwaar");
  });

  it("says the term has ended, with its last day, once it has", () => {
    const text = render("information-request", "ended");
    expect(text).toContain("De termijn is verlopen. De laatste dag was 10 mei 2027.");
    expect(text).not.toContain("loopt tot en met");
  });
});
