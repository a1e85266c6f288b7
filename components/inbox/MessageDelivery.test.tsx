import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { messagesFor } from "@/lib/i18n";
import type { MessageProof } from "@/lib/inbox/proof";
import { MessageDelivery } from "./MessageDelivery";

const nl = messagesFor("nl");

function proof(over: Partial<MessageProof["standing"]> = {}): MessageProof {
  return {
    message: { id: "7f0c2f8e-1111-4222-8333-944455556666", partyId: "p", kind: "information-request", subject: "Wij missen een document", placedAt: new Date("2027-03-01T09:00:00Z"), firstOpenedAt: null, caseReference: "BZ-2027-000001" },
    standing: {
      term: { originalEndsOn: "2027-03-15", endsOn: "2027-03-29", recalculated: { countedFrom: new Date("2027-03-15T08:00:00Z"), endsOn: "2027-03-29", reason: "notice-resent" } },
      delivery: { state: "delivered", deliveredAt: new Date("2027-03-15T08:00:00Z"), failureReason: null, resent: true },
      notHeldAgainst: false,
      undelivered: false,
      ...over,
    },
    notices: [
      {
        id: "n1",
        kind: "information-request",
        status: "delivered",
        createdAt: new Date("2027-03-01T09:00:00Z"),
        deliveredAt: new Date("2027-03-15T08:00:00Z"),
        failureReason: null,
        attempts: [
          { at: new Date("2027-03-01T09:00:00Z"), outcome: "queued", recipient: null, responseCode: null },
          { at: new Date("2027-03-01T09:00:01Z"), outcome: "permanent-failure", recipient: "j***@example.nl", responseCode: 550 },
          { at: new Date("2027-03-15T08:00:00Z"), outcome: "delivered", recipient: "j***@example.nl", responseCode: 250 },
        ],
      },
    ],
  };
}

describe("MessageDelivery", () => {
  it("shows the proof in a captioned table, the recalculated term with its reason, and the download link", () => {
    const html = renderToStaticMarkup(<MessageDelivery proof={proof()} audience="resident" locale="nl" t={nl} downloadHref="/mijn/berichten/x/bewijs" />);
    expect(html).toContain(`<h2 id="bewijs-7f0c2f8e-1111-4222-8333-944455556666">${nl.inboxTerms.delivery.heading}</h2>`);
    expect(html).toContain("Notificatie 1: Verzoeken om informatie</caption>");
    expect(html).toContain("j***@example.nl");
    expect(html).toContain(">550<");
    expect(html).toContain("<del>maandag 15 maart 2027</del>");
    expect(html).toContain("maandag 29 maart 2027");
    expect(html).toContain("De termijn is opnieuw berekend vanaf maandag 15 maart 2027, omdat het bericht u eerder niet bereikte.");
    expect(html).toContain('href="/mijn/berichten/x/bewijs"');
    expect(html).not.toContain(nl.inboxTerms.notHeldAgainst);
  });

  it("marks a term not held against the resident, in the resident's words or the handler's", () => {
    const standing = { term: { originalEndsOn: "2027-03-15", endsOn: "2027-03-15", recalculated: null }, delivery: { state: "failed" as const, deliveredAt: null, failureReason: "bounced" as const, resent: false }, notHeldAgainst: true, undelivered: true };
    const resident = renderToStaticMarkup(<MessageDelivery proof={proof(standing)} audience="resident" locale="nl" t={nl} downloadHref="#" />);
    expect(resident).toContain(nl.inboxTerms.notHeldAgainst);
    expect(resident).toContain("Niet afgeleverd: Onbestelbaar (bounce)");
    const staff = renderToStaticMarkup(<MessageDelivery proof={proof(standing)} audience="staff" locale="nl" t={nl} downloadHref="#" headingLevel={4} />);
    expect(staff).toContain(nl.inboxTerms.staff.notHeldAgainst);
    expect(staff).toContain("<h4");
  });

  it("says a failed notice before the term ends (R13), and post by choice is no failure", () => {
    const failed = renderToStaticMarkup(
      <MessageDelivery proof={proof({ term: null, delivery: { state: "failed", deliveredAt: null, failureReason: "rejected", resent: false }, undelivered: true })} audience="staff" locale="nl" t={nl} downloadHref="#" />,
    );
    expect(failed).toContain("Notificatie niet afgeleverd: Het e-mailadres werd geweigerd.");
    const post = renderToStaticMarkup(<MessageDelivery proof={proof({ term: null, delivery: { state: "not-digital", deliveredAt: null, failureReason: "no-consent", resent: false } })} audience="resident" locale="nl" t={nl} downloadHref="#" />);
    expect(post).toContain(nl.inboxTerms.notDigital);
    expect(post).not.toContain(nl.inboxTerms.undelivered);
  });
});
