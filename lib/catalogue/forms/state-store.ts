import type { FormDefinition } from "./definition";
import type { RunnerPage, RunnerState } from "./runner";
import { sanitiseValues } from "./values";

/**
 * Where a form run keeps its answers between posts. The renderer only knows the hidden inputs
 * a store asks it to post back; the server action asks the store for the state. The preview
 * keeps everything in one hidden input (nothing stored on the server); drafts of real
 * submissions (a later issue) plug in a store that keeps the answers in the database and
 * posts back only a draft id.
 */
export interface RunnerStateStore {
  /** The state as it was before this post, from what the browser sent. */
  read(definition: FormDefinition, posted: Record<string, unknown>): Promise<RunnerState>;
  /** The hidden inputs the next page must post back. */
  carry(definition: FormDefinition, state: RunnerState): Promise<Record<string, string>>;
}

export const STATE_FIELD = "__staat";

function pageOf(definition: FormDefinition, value: unknown): RunnerPage {
  if (value === "check" || value === "sent") return value;
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value < definition.steps.length ? value : 0;
}

/** The hidden inputs that carry a run's state in the preview (also used by the editor's live preview in the browser). */
export function hiddenStateFields(state: RunnerState): Record<string, string> {
  return { [STATE_FIELD]: JSON.stringify({ page: state.page, values: state.values, returnToCheck: state.returnToCheck }) };
}

/** The preview's store: the whole state in one hidden input, checked field by field on the way back in. */
export const hiddenFieldStore: RunnerStateStore = {
  async read(definition, posted) {
    let raw: Record<string, unknown> = {};
    try {
      const parsed: unknown = typeof posted[STATE_FIELD] === "string" ? JSON.parse(posted[STATE_FIELD] as string) : {};
      if (parsed && typeof parsed === "object") raw = parsed as Record<string, unknown>;
    } catch {
      raw = {};
    }
    return { page: pageOf(definition, raw.page), values: sanitiseValues(definition, raw.values), errors: [], returnToCheck: raw.returnToCheck === true };
  },
  async carry(_definition, state) {
    return hiddenStateFields(state);
  },
};
