import { describe, expect, it } from "vitest";
import type { FormDefinition } from "./definition";
import { advance, answerRows, initialState, parseNavigation, type RunnerState } from "./runner";
import { hiddenFieldStore, hiddenStateFields } from "./state-store";
import { readStepValues } from "./values";

const nlen = (nl: string) => ({ nl, en: nl });
const definition: FormDefinition = {
  formatVersion: 1,
  title: nlen("Test"),
  steps: [
    {
      id: "wie",
      title: nlen("Wie"),
      fields: [
        { id: "naam", kind: "text", label: nlen("Naam"), prefill: "name" },
        { id: "namens", kind: "choice", display: "radio", label: nlen("Namens wie"), options: [{ value: "zelf", label: nlen("Mezelf") }, { value: "ander", label: nlen("Iemand anders") }] },
      ],
    },
    { id: "ander", title: nlen("De ander"), fields: [{ id: "naam-ander", kind: "text", label: nlen("Naam van de ander"), showWhen: { field: "namens", equals: "ander" } }] },
    {
      id: "slot",
      title: nlen("Slot"),
      fields: [
        { id: "toelichting", kind: "longText", label: nlen("Toelichting"), optional: true },
        { id: "bijlagen", kind: "file", label: nlen("Bijlagen"), optional: true, maxSizeMb: 1, allowedTypes: ["pdf"], maxCount: 2 },
      ],
    },
  ],
};
const opts = { locale: "nl" as const, today: "2026-11-28" };
const next = parseNavigation("next");

describe("advance", () => {
  it("starts at the first step with the session's name filled in", () => {
    expect(initialState(definition, { name: "Jan Jansen", email: "x@y.nl" })).toEqual({ page: 0, values: { naam: "Jan Jansen" }, errors: [], returnToCheck: false });
  });

  it("stays on a step with errors, keeping every value typed, and links errors to controls", () => {
    const state = advance(definition, initialState(definition), next, { naam: "Jan", namens: "" }, opts);
    expect(state).toMatchObject({ page: 0, values: { naam: "Jan", namens: "" }, errors: [{ field: "f-namens", message: 'Kies een antwoord bij "Namens wie".' }] });
  });

  it("skips a step whose fields are all hidden, and goes back over it too", () => {
    const atEnd = advance(definition, initialState(definition), next, { naam: "Jan", namens: "zelf" }, opts);
    expect(atEnd.page).toBe(2);
    const back = advance(definition, atEnd, parseNavigation("back"), { toelichting: "nog niet af", bijlagen: [] }, opts);
    expect(back).toMatchObject({ page: 0, values: { toelichting: "nog niet af" }, errors: [] });
  });

  it("goes back without checking and without losing values", () => {
    const s1 = advance(definition, initialState(definition), next, { naam: "Jan", namens: "ander" }, opts);
    expect(s1.page).toBe(1);
    const back = advance(definition, s1, parseNavigation("back"), { "naam-ander": "" }, opts);
    expect(back).toMatchObject({ page: 0, errors: [], values: { naam: "Jan", namens: "ander", "naam-ander": "" } });
  });

  it("goes to the check page after the last step; Wijzig opens a step and next returns to the check page", () => {
    let state: RunnerState = advance(definition, initialState(definition), next, { naam: "Jan", namens: "zelf" }, opts);
    state = advance(definition, state, next, { toelichting: "", bijlagen: [] }, opts);
    expect(state.page).toBe("check");
    state = advance(definition, state, parseNavigation("edit:0"), {}, opts);
    expect(state).toMatchObject({ page: 0, returnToCheck: true });
    state = advance(definition, state, next, { naam: "Piet", namens: "zelf" }, opts);
    expect(state).toMatchObject({ page: "check", values: { naam: "Piet" } });
    expect(answerRows(definition, state.values, "nl").map((g) => [g.title, g.rows.map((r) => [r.label, r.answer])])).toEqual([
      ["Wie", [["Naam", ["Piet"]], ["Namens wie", ["Mezelf"]]]],
      ["Slot", [["Toelichting", []], ["Bijlagen", []]]],
    ]);
  });

  it("on submit checks every step again and sends the resident to the first with an error", () => {
    const tampered: RunnerState = { page: "check", values: { naam: "", namens: "ander" }, errors: [], returnToCheck: false };
    const state = advance(definition, tampered, parseNavigation("submit"), {}, opts);
    expect(state).toMatchObject({ page: 0, errors: [{ field: "f-naam" }] });
    const fine = advance(definition, { ...tampered, values: { naam: "Jan", namens: "zelf" } }, parseNavigation("submit"), {}, opts);
    expect(fine.page).toBe("sent");
  });
});

describe("reading posted values", () => {
  it("keeps earlier chosen files when no new file is chosen, and reads a postcode's parts", () => {
    const fields = definition.steps[2]!.fields;
    const previous = { bijlagen: [{ name: "a.pdf", size: 3, type: "application/pdf" }] };
    expect(readStepValues(fields, () => [], previous)).toEqual({ toelichting: "", bijlagen: previous.bijlagen });
    const posted: Record<string, unknown[]> = { "bijlagen.__bestanden": [JSON.stringify([{ name: "b.pdf", size: 5, type: "" }])] };
    expect(readStepValues(fields, (n) => posted[n] ?? [], previous).bijlagen).toEqual([{ name: "b.pdf", size: 5, type: "" }]);
    const file = new File(["%PDF"], "c.pdf", { type: "application/pdf" });
    expect(readStepValues(fields, (n) => (n === "bijlagen" ? [file] : []), previous).bijlagen).toEqual([{ name: "c.pdf", size: 4, type: "application/pdf" }]);
  });

  it("the hidden-field store drops unknown fields and values of the wrong shape", async () => {
    const state = { page: 1 as const, values: { naam: "Jan", namens: "ander" }, errors: [], returnToCheck: true };
    const carried = hiddenStateFields(state);
    const tampered = JSON.parse(carried.__staat!) as { values: Record<string, unknown> };
    tampered.values.extra = "x";
    tampered.values.naam = { html: "<b>" };
    const read = await hiddenFieldStore.read(definition, { __staat: JSON.stringify({ ...tampered, page: 99 }) });
    expect(read).toEqual({ page: 0, values: { namens: "ander" }, errors: [], returnToCheck: true });
    expect(await hiddenFieldStore.read(definition, { __staat: "not json" })).toEqual({ page: 0, values: {}, errors: [], returnToCheck: false });
  });
});
