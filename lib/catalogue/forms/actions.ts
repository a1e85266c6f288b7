"use server";

import { redirect } from "next/navigation";
import { z } from "zod";
import { ActionRefusal, defineAction } from "../../auth/action";
import { can } from "../../auth/policy";
import { inTransaction } from "../../db";
import { format } from "../../i18n";
import { getLocale } from "../../i18n/server";
import { validateDefinitionText, type DefinitionProblem, type FormDefinition } from "./definition";
import { isUuid } from "../../http/ids";
import { getVersionForRun } from "./queries";
import { advance, parseNavigation, type RunnerState } from "./runner";
import { publishVersion, saveDraft } from "./service";
import { hiddenFieldStore } from "./state-store";
import { readStepValues } from "./values";

/**
 * Server actions for forms: one step of a form run (public; a draft only for catalogue
 * managers), and the editor's save, preview, import and publish (catalogue:manage).
 */

export interface FormRunResult {
  state: RunnerState;
  hidden: Record<string, string>;
}

/** What a form run posts: where the definition comes from, the button pressed, and the state store's fields. */
const runInput = z.looseObject({
  __bron: z.string().max(100),
  __definitie: z.string().max(500_000).optional(),
  __nav: z.string().max(20).optional(),
});

/** The values sent under a name, as a list (formDataToObject gives one value or an array). */
function getAllFrom(input: Record<string, unknown>) {
  return (name: string): unknown[] => {
    const value = input[name];
    return value === undefined ? [] : Array.isArray(value) ? value : [value];
  };
}

// One step of a form run: reads the state, the values of the page just posted and the button, and answers with the next page.
export const formRunStep = defineAction({
  name: "forms.runStep",
  permission: "public",
  input: runInput,
  run: async (input, { actor }): Promise<FormRunResult | ActionRefusal> => {
    let definition: FormDefinition;
    if (input.__bron === "definitie") {
      // The editor's preview of a definition that is not saved yet: admins only.
      if (!can(actor, "catalogue:manage")) return new ActionRefusal("form.notAllowed");
      const check = validateDefinitionText(input.__definitie ?? "");
      if (!check.ok) return new ActionRefusal("forms.editor.errors.invalid");
      definition = check.definition;
    } else {
      const versionId = input.__bron.replace(/^versie:/, "");
      const version = await getVersionForRun(actor, versionId);
      if (!version) return new ActionRefusal("form.notAllowed");
      definition = version.definition;
    }
    const locale = await getLocale();
    const before = await hiddenFieldStore.read(definition, input);
    const fields = typeof before.page === "number" ? definition.steps[before.page]!.fields : [];
    const stepValues = readStepValues(fields, getAllFrom(input), before.values);
    const state = advance(definition, before, parseNavigation(input.__nav), stepValues, { locale });
    return { state, hidden: await hiddenFieldStore.carry(definition, state) };
  },
});

export interface EditorResult {
  /** The definition to preview beside the editor (the "voorbeeld bekijken" button). */
  preview?: FormDefinition;
  text: string;
}

function staffIdOf(actor: { kind: string; staffUserId?: string }): string | null {
  return actor.kind === "staff" && actor.staffUserId ? actor.staffUserId : null;
}

function problemMessages(problems: DefinitionProblem[]): string[] {
  return problems.map((p) => `${p.path}: ${p.message}`);
}

function editorPage(productId: string, notice: string): string {
  return `/beheer/producten/${productId}/formulier?${new URLSearchParams({ melding: notice })}`;
}

// Save the definition typed in the editor as the draft, or only check it and show the preview.
export const saveFormDefinition = defineAction({
  name: "forms.saveDefinition",
  permission: "catalogue:manage",
  input: z.object({ productId: z.string(), definitie: z.string().max(500_000, "forms.editor.importTooLarge"), intentie: z.enum(["opslaan", "voorbeeld"]).catch("opslaan") }),
  run: async (input, { actor, log, t }): Promise<EditorResult | ActionRefusal> => {
    if (!isUuid(input.productId)) return new ActionRefusal("form.notAllowed");
    const check = validateDefinitionText(input.definitie);
    if (!check.ok) return new ActionRefusal(t.forms.editor.errors.invalid, { definitie: problemMessages(check.problems) });
    if (input.intentie === "voorbeeld") return { preview: check.definition, text: input.definitie };
    const outcome = await inTransaction((tx) => saveDraft(tx, { productId: input.productId, definition: check.definition, staffUserId: staffIdOf(actor), source: "editor" }));
    if (outcome.status === "unknown-product") return new ActionRefusal("form.notAllowed");
    if (outcome.status === "unchanged") return new ActionRefusal(t.forms.editor.errors.unchanged);
    if (outcome.status === "invalid") return new ActionRefusal(t.forms.editor.errors.invalid, { definitie: problemMessages(outcome.problems) });
    log.info({ productId: input.productId, version: outcome.version }, "form draft saved");
    redirect(editorPage(input.productId, "saved"));
  },
});

const MAX_IMPORT_BYTES = 500 * 1024;

// Import a definition from a JSON file as the draft.
export const importFormDefinition = defineAction({
  name: "forms.importDefinition",
  permission: "catalogue:manage",
  input: z.object({ productId: z.string(), bestand: z.instanceof(File, { error: "forms.editor.importMissing" }) }),
  run: async (input, { actor, log, t }) => {
    if (!isUuid(input.productId)) return new ActionRefusal("form.notAllowed");
    if (input.bestand.size > MAX_IMPORT_BYTES) return new ActionRefusal(undefined, { bestand: [t.forms.editor.importTooLarge] });
    const check = validateDefinitionText(await input.bestand.text());
    if (!check.ok) return new ActionRefusal(t.forms.editor.errors.invalid, { bestand: problemMessages(check.problems) });
    const outcome = await inTransaction((tx) => saveDraft(tx, { productId: input.productId, definition: check.definition, staffUserId: staffIdOf(actor), source: "import" }));
    if (outcome.status !== "ok") return new ActionRefusal(outcome.status === "invalid" ? t.forms.editor.errors.invalid : "form.notAllowed");
    log.info({ productId: input.productId, version: outcome.version }, "form definition imported");
    redirect(editorPage(input.productId, "imported"));
  },
});

// Publish the draft: it becomes the version residents see, and never changes again.
export const publishFormVersion = defineAction({
  name: "forms.publishVersion",
  permission: "catalogue:manage",
  input: z.object({ productId: z.string(), versionId: z.string() }),
  run: async (input, { actor, log, t }) => {
    if (!isUuid(input.productId) || !isUuid(input.versionId)) return new ActionRefusal("form.notAllowed");
    const outcome = await inTransaction((tx) => publishVersion(tx, { productId: input.productId, versionId: input.versionId, staffUserId: staffIdOf(actor) }));
    if (outcome.status === "not-draft") return new ActionRefusal(t.forms.editor.errors.notDraft);
    if (outcome.status === "invalid") return new ActionRefusal(format(t.forms.editor.errors.invalid), { definitie: problemMessages(outcome.problems) });
    if (outcome.status === "not-found") return new ActionRefusal("form.notAllowed");
    log.info({ productId: input.productId, version: outcome.version }, "form version published");
    redirect(editorPage(input.productId, "published"));
  },
});
