import { describe, expect, it } from "vitest";
import { objectionClause, type ObjectionChannel } from "./objection-clause";

const web: ObjectionChannel = { kind: "portal-form", name: { nl: "Webformulier", en: "Web form" }, address: "https://mijn.voorbeeldstad.example", details: { nl: null, en: null } };
const mail: ObjectionChannel = { kind: "email", name: { nl: "E-mail bezwaarschriften", en: "E-mail for objections" }, address: "bezwaar@voorbeeldstad.example", details: { nl: "Zet uw handtekening erbij.", en: "Include your signature." } };
const post: ObjectionChannel = { kind: "post", name: { nl: "Post", en: "Post" }, address: "Gemeente Voorbeeldstad, Postbus 1234, 1230 AA Voorbeeldstad", details: { nl: null, en: null } };
const counter: ObjectionChannel = { kind: "counter", name: { nl: "Balie", en: "Counter" }, address: "Stadhuisplein 1, 1234 AB Voorbeeldstad", details: { nl: null, en: null } };

function text(clause: ReturnType<typeof objectionClause>): string {
  if (clause.kind !== "clause") throw new Error(clause.message);
  return clause.text;
}

describe("the objection clause of a besluit", () => {
  it("says who may object, until which day, where (every designated channel, in the register's order) and what to include, in Dutch", () => {
    const clause = text(objectionClause({ channels: [post, mail, web, counter], endsOn: "2026-04-28", reference: "BZ-2026-000042" }, "nl"));
    expect(clause).toContain("belanghebbende");
    expect(clause).toContain("uiterlijk op dinsdag 28 april 2026");
    expect(clause).toContain("6 weken");
    const where = ["Via het webformulier in MijnOmgeving: https://mijn.voorbeeldstad.example", "Per e-mail: bezwaar@voorbeeldstad.example", "Per post: Gemeente Voorbeeldstad, Postbus 1234, 1230 AA Voorbeeldstad", "Aan de balie: Stadhuisplein 1, 1234 AB Voorbeeldstad"];
    const positions = where.map((line) => clause.indexOf(line));
    expect(positions.every((p) => p >= 0)).toBe(true);
    expect([...positions].sort((a, b) => a - b)).toEqual(positions);
    expect(clause).toContain("  Zet uw handtekening erbij.");
    // Awb 6:5: name, address, date, the decision, the grounds, signed.
    for (const part of ["uw naam en adres", "de datum", "tegen welk besluit", "BZ-2026-000042", "waarom u het niet eens bent", "uw handtekening"]) expect(clause).toContain(part);
    expect(clause).toContain("Dan hoeft u niet apart te tekenen");
    expect(clause).toContain("voorlopige voorziening");
    expect(clause).toContain("voorzieningenrechter");
  });

  it("in English, with the English channel details", () => {
    const clause = text(objectionClause({ channels: [mail], endsOn: "2027-05-10" }, "en"));
    expect(clause).toContain("interested party");
    expect(clause).toContain("on Monday 10 May 2027 at the latest");
    expect(clause).toContain("By e-mail: bezwaar@voorbeeldstad.example");
    expect(clause).toContain("  Include your signature.");
    expect(clause).toContain("interim measure");
    expect(clause).not.toContain("reference");
  });

  it("only mentions signing by logging in when an online channel is designated", () => {
    expect(text(objectionClause({ channels: [post], endsOn: "2026-04-28" }, "nl"))).not.toContain("DigiD");
  });

  it("without a designated channel there is no clause, only the problem to show", () => {
    expect(objectionClause({ channels: [], endsOn: "2026-04-28" }, "nl")).toEqual({ kind: "no-channel", message: expect.stringContaining("Er is geen kanaal aangewezen voor bezwaar; een besluit kan zo niet worden verstuurd") });
    expect(objectionClause({ channels: [], endsOn: "2026-04-28" }, "en")).toMatchObject({ kind: "no-channel", message: expect.stringContaining("No channel is designated") });
  });
});
