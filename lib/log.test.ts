import { describe, expect, it } from "vitest";
import { createLogger, maskBsns } from "./log";

// 123456782 and 999996708 pass the elfproef (they are BSNs); 999998620 does not.
const BSN = "123456782";
const OTHER_BSN = "999996708";
const NOT_A_BSN = "999998620";

function capture() {
  const lines: string[] = [];
  const log = createLogger({ level: "info", destination: { write: (line: string) => void lines.push(line) } });
  return { log, output: () => lines.join(""), records: () => lines.map((l) => JSON.parse(l) as Record<string, unknown>) };
}

describe("BSNs never reach a log line (R30)", () => {
  const cases: [string, (log: ReturnType<typeof capture>["log"]) => void][] = [
    ["in the message", (log) => log.info(`aanvraag ontvangen van ${BSN}`)],
    ["in a printf argument", (log) => log.info("aanvraag ontvangen van %s", BSN)],
    ["in a string field", (log) => log.info({ note: `belde over ${BSN}` }, "contact")],
    ["in a nested field", (log) => log.info({ request: { party: { id: BSN } } }, "nested")],
    ["in an array", (log) => log.info({ ids: ["x", BSN] }, "array")],
    ["in a field named bsn", (log) => log.info({ bsn: BSN }, "field")],
    ["in a field named bsn holding a number", (log) => log.info({ bsn: Number(BSN) }, "field")],
    ["in a nested field named bsn", (log) => log.info({ party: { bsn: BSN } }, "nested field")],
    ["in a field named burgerservicenummer", (log) => log.info({ burgerservicenummer: BSN }, "field")],
    ["in an error's message", (log) => log.error({ err: new Error(`lookup failed for ${BSN}`) }, "failed")],
    ["in an error logged on its own", (log) => log.error(new Error(`lookup failed for ${BSN}`))],
    ["in an error's cause", (log) => log.error({ err: new Error("outer", { cause: new Error(`inner ${BSN}`) }) }, "failed")],
    ["in a child logger's fields", (log) => log.child({ party: `resident ${BSN}` }).info("child")],
    ["in a child logger's field named bsn", (log) => log.child({ bsn: BSN }).child({ step: 2 }).info("grandchild")],
  ];

  it.each(cases)("masks a BSN %s", (_name, write) => {
    const { log, output } = capture();
    write(log);
    expect(output()).not.toBe("");
    expect(output()).not.toContain(BSN);
    expect(output()).toContain("[BSN]");
  });

  it("masks every BSN in one line, also written with separators", () => {
    const { log, output } = capture();
    log.info(`${BSN} en ${OTHER_BSN}`);
    expect(output()).not.toContain(BSN);
    expect(output()).not.toContain(OTHER_BSN);
    expect(maskBsns(`${BSN} en ${OTHER_BSN}`)).toBe("[BSN] en [BSN]");
  });

  it("keeps a nine-digit number that fails the elfproef, and other text", () => {
    const { log, records } = capture();
    log.info({ reference: NOT_A_BSN, count: 3 }, `zaak ${NOT_A_BSN} behandeld`);
    const [record] = records();
    expect(record).toMatchObject({ msg: `zaak ${NOT_A_BSN} behandeld`, reference: NOT_A_BSN, count: 3, level: "info", service: "mijnomgeving" });
  });

  it("keeps digits that merely contain nine digits inside a longer number", () => {
    expect(maskBsns(`NL91ABNA0${BSN}1`)).toBe(`NL91ABNA0${BSN}1`);
    expect(maskBsns(`0${BSN}`)).toBe(`0${BSN}`);
  });

  it("keeps an error's type and code while masking it", () => {
    const { log, records } = capture();
    class LookupError extends Error {
      code = "E_LOOKUP";
    }
    log.error({ err: new LookupError(`no party ${BSN}`) }, "failed");
    const [record] = records();
    expect(record?.err).toMatchObject({ type: "LookupError", code: "E_LOOKUP", message: "no party [BSN]" });
  });
});
