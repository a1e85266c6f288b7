import type { ActionState } from "../auth/action";

/**
 * Turns an action's answer into what a form shows: the error summary's list (each message
 * linked to its field; a message for the whole form links to `formField`), the first error per
 * field, and the values to put back.
 */
export function formView(state: ActionState<unknown>, formField: string): { summary: { field: string; message: string }[]; field: Record<string, string | undefined>; values: Record<string, string> } {
  if (state.status !== "error") return { summary: [], field: {}, values: {} };
  const summary: { field: string; message: string }[] = [];
  if (state.formError) summary.push({ field: formField, message: state.formError });
  const field: Record<string, string | undefined> = {};
  for (const [name, messages] of Object.entries(state.fieldErrors)) {
    const id = name === "_form" ? formField : name;
    field[id] = messages[0];
    for (const message of messages) summary.push({ field: id, message });
  }
  return { summary, field, values: state.values };
}

/**
 * The state a form starts in. Client components take it from here, not from lib/auth/action.ts,
 * which is server code (it would pull the database driver into the browser bundle).
 */
export const idle = { status: "idle" } as const satisfies ActionState<never>;
