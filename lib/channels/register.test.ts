import { describe, expect, it } from "vitest";
import { registerJson } from "./public";
import { filterRegister, groupRegister, searchText } from "./register";

type Row = Parameters<typeof groupRegister>[1][number];

function row(overrides: Partial<Row>): Row {
  return {
    designationId: "d1",
    productId: "p1",
    slug: "bezwaar-maken",
    nameNl: "Bezwaar maken tegen een besluit",
    nameEn: "Object to a decision",
    uplName: "Bezwaar",
    messageType: "bezwaar",
    official: true,
    channelKind: "email",
    channelNameNl: "E-mail bezwaarschriften",
    channelNameEn: "E-mail for objections",
    address: "bezwaar@voorbeeldstad.example",
    detailsNl: null,
    detailsEn: null,
    validFrom: "2026-01-01",
    validTo: null,
    conditionLevel: null,
    maxFileSizeMb: 20,
    allowedFileTypes: ["pdf"],
    decisionTitle: "Besluit elektronisch verkeer 2026",
    decisionDate: "2025-12-16",
    decisionUrl: null,
    ...overrides,
  };
}

const rows = [
  row({}),
  row({ designationId: "d2", channelKind: "portal-form", channelNameNl: "Webformulier", conditionLevel: "basis" }),
  row({ designationId: "d3", productId: "p2", slug: "geinteresseerd", nameNl: "Geïnteresseerd in een evenement", nameEn: "Event", uplName: null, messageType: "vraag", official: false }),
  row({ designationId: "d4", productId: "p2", slug: "geinteresseerd", nameNl: "Geïnteresseerd in een evenement", nameEn: "Event", uplName: null, messageType: "aanvraag" }),
];

describe("groupRegister", () => {
  it("groups by product, message types in the law's order, channels by kind (web form first)", () => {
    const register = groupRegister("2026-06-01", rows);
    expect(register.designationCount).toBe(4);
    expect(register.products.map((p) => p.slug)).toEqual(["bezwaar-maken", "geinteresseerd"]);
    expect(register.products[0]!.messageTypes[0]!.channels.map((c) => c.kind)).toEqual(["portal-form", "email"]);
    expect(register.products[1]!.messageTypes.map((t) => t.type)).toEqual(["aanvraag", "vraag"]);
  });
});

describe("filterRegister", () => {
  const register = groupRegister("2026-06-01", rows);
  it.each([
    ["geinteresseerd", undefined, ["geinteresseerd"]],
    ["GEÏNTERESSEERD evenement", undefined, ["geinteresseerd"]],
    ["object decision", undefined, ["bezwaar-maken"]],
    ["bezwaar paspoort", undefined, []],
    ["", "vraag", ["geinteresseerd"]],
    ["", "klacht", []],
    ["", undefined, ["bezwaar-maken", "geinteresseerd"]],
  ] as const)("query %s, type %s", (query, messageType, slugs) => {
    expect(filterRegister(register, { query, messageType }).map((p) => p.slug)).toEqual(slugs);
  });
  it("keeps only the chosen message type within a product", () => {
    expect(filterRegister(register, { messageType: "vraag" })[0]!.messageTypes.map((t) => t.type)).toEqual(["vraag"]);
  });
  it("searchText drops accents and case", () => expect(searchText(" Geïnteresseerd ")).toBe("geinteresseerd"));
});

describe("registerJson", () => {
  it("has the stable field names the README documents", () => {
    const json = registerJson(groupRegister("2026-06-01", rows.slice(0, 2)), "Gemeente Voorbeeldstad");
    expect(json).toEqual({
      version: 1,
      municipality: "Gemeente Voorbeeldstad",
      date: "2026-06-01",
      productCount: 1,
      designationCount: 2,
      products: [
        {
          slug: "bezwaar-maken",
          name: { nl: "Bezwaar maken tegen een besluit", en: "Object to a decision" },
          uplName: "Bezwaar",
          url: "/producten/bezwaar-maken",
          messageTypes: [
            {
              type: "bezwaar",
              official: true,
              channels: [
                expect.objectContaining({ kind: "portal-form", conditions: { loginLevel: "basis", loginLevelLabel: "DigiD Basis", maxFileSizeMb: 20, allowedFileTypes: ["pdf"] } }),
                {
                  kind: "email",
                  name: { nl: "E-mail bezwaarschriften", en: "E-mail for objections" },
                  address: "bezwaar@voorbeeldstad.example",
                  details: { nl: null, en: null },
                  validFrom: "2026-01-01",
                  validTo: null,
                  conditions: { loginLevel: null, loginLevelLabel: null, maxFileSizeMb: 20, allowedFileTypes: ["pdf"] },
                  decision: { title: "Besluit elektronisch verkeer 2026", date: "2025-12-16", url: null },
                },
              ],
            },
          ],
        },
      ],
    });
  });
});
