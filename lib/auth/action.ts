import "server-only";
import { redirect } from "next/navigation";
import type { Logger } from "pino";
import { z } from "zod";
import { DatabaseUnavailableError } from "@/db";
import type { Messages } from "../i18n";
import { getMessages } from "../i18n/server";
import { requestLogger } from "../request";
import { currentActor } from "./current";
import { can, type Actor, type Permission } from "./policy";

/**
 * The one way to make a server action: authenticate, authorise, validate with zod, run, and
 * answer in one shape. Forms post to it with or without JavaScript (useActionState), and on
 * failure get every field error plus the values they sent, so nothing typed is lost.
 *
 * Error messages in schemas are keys into the messages files ("fieldErrors.required"), so one
 * schema serves both languages; the wrapper translates them for the request.
 */

export type FieldErrors = Record<string, string[]>;

export type ActionState<T = undefined> =
  | { status: "idle" }
  | { status: "ok"; data: T }
  | { status: "error"; fieldErrors: FieldErrors; formError?: string; values: Record<string, string> };

export const idle: ActionState<never> = { status: "idle" };

/** Returned by an action's run() to refuse with a message for the form or for fields. */
export class ActionRefusal {
  constructor(
    public readonly formError?: string,
    public readonly fieldErrors: FieldErrors = {},
  ) {}
}

export interface ActionContext<A extends Actor | null> {
  actor: A;
  log: Logger;
  t: Messages;
}

type ActorFor<P> = P extends "public" ? Extract<Actor, { kind: "party" } | { kind: "staff" }> | null : Extract<Actor, { kind: "party" } | { kind: "staff" }>;

const ACTION_MARK = Symbol.for("mijnomgeving.action");

/** True for functions made with defineAction (the test that guards every "use server" export uses this). */
export function isDefinedAction(value: unknown): boolean {
  return typeof value === "function" && (value as unknown as Record<symbol, unknown>)[ACTION_MARK] === true;
}

/** Translates a message key like "fieldErrors.required" for the request; anything else is shown as given. */
export function translateKey(t: Messages, key: string): string {
  const found = key.split(".").reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), t);
  return typeof found === "string" ? found : key;
}

/** FormData as a plain object: repeated names become arrays, empty file inputs are dropped. */
export function formDataToObject(formData: FormData): Record<string, unknown> {
  const result: Record<string, unknown> = {};
  for (const [key, value] of formData.entries()) {
    if (key.startsWith("$ACTION")) continue; // Next's own fields
    if (typeof value !== "string" && value.size === 0 && !value.name) continue;
    const existing = result[key];
    result[key] = existing === undefined ? value : Array.isArray(existing) ? [...existing, value] : [existing, value];
  }
  return result;
}

function echoValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !key.startsWith("$ACTION") && !/password|wachtwoord/i.test(key)) values[key] = value;
  }
  return values;
}

/**
 * Defines a server action. `permission: "public"` allows anyone (the actor may be null); any
 * other permission requires a logged-in actor holding it: without a session the visitor is sent
 * to log in, without the permission the action refuses.
 */
export function defineAction<S extends z.ZodType, T, P extends Permission | "public">(config: {
  name: string;
  permission: P;
  input: S;
  run: (input: z.output<S>, context: ActionContext<ActorFor<P>>) => Promise<T | ActionRefusal>;
}): (previous: ActionState<T>, formData: FormData) => Promise<ActionState<T>> {
  const action = async (_previous: ActionState<T>, formData: FormData): Promise<ActionState<T>> => {
    const { t } = await getMessages();
    const log = (await requestLogger()).child({ action: config.name });
    const values = echoValues(formData);
    const actor = await currentActor();
    if (config.permission !== "public") {
      if (!actor) redirect("/inloggen");
      if (!can(actor, config.permission as Permission)) {
        log.warn({ permission: config.permission, actorKind: actor.kind }, "action refused: permission");
        return { status: "error", fieldErrors: {}, formError: t.form.notAllowed, values };
      }
    }
    const parsed = config.input.safeParse(formDataToObject(formData));
    if (!parsed.success) {
      const fieldErrors: FieldErrors = {};
      for (const issue of parsed.error.issues) {
        const field = issue.path.map(String).join(".") || "_form";
        (fieldErrors[field] ??= []).push(translateKey(t, issue.message));
      }
      return { status: "error", fieldErrors, values };
    }
    try {
      const result = await config.run(parsed.data, { actor: actor as ActorFor<P>, log, t });
      if (result instanceof ActionRefusal) {
        return {
          status: "error",
          formError: result.formError && translateKey(t, result.formError),
          fieldErrors: Object.fromEntries(Object.entries(result.fieldErrors).map(([k, v]) => [k, v.map((m) => translateKey(t, m))])),
          values,
        };
      }
      return { status: "ok", data: result };
    } catch (error) {
      // Next's redirect() and notFound() are thrown on purpose: let them through.
      if (error && typeof error === "object" && "digest" in error && typeof error.digest === "string" && /^NEXT_(REDIRECT|HTTP_ERROR_FALLBACK|NOT_FOUND)/.test(error.digest)) throw error;
      log.error({ err: error }, "action failed");
      return {
        status: "error",
        fieldErrors: {},
        formError: error instanceof DatabaseUnavailableError ? t.form.databaseUnavailable : t.form.unexpected,
        values,
      };
    }
  };
  Object.defineProperty(action, ACTION_MARK, { value: true });
  return action;
}
