import { digidLevels, eherkenningLevels, isAssuranceLevel, meetsLevel, type AssuranceLevel, type DigidLevel, type EherkenningLevel } from "../auth/levels";
import { validateDefinition } from "./forms/definition";
import type { MessageType } from "./message-types";

/**
 * The Wmebv checklist per product (/beheer/wmebv) and its gaps. Pure module, no I/O: the query
 * gathers the facts, these functions judge them.
 */

export interface ChecklistFacts {
  descriptionNl: string | null;
  residentLevel: DigidLevel | null;
  businessLevel: EherkenningLevel | null;
  decisionTermAmount: number | null;
  messageTypes: readonly { messageType: MessageType; official: boolean }[];
  /** The designations in force on the day the checklist is made. */
  designationsInForce: readonly { messageType: MessageType; channelName: string; conditionLevel: string | null }[];
  /** Whether the product's current form ends with free text and attachments (R8); "none" without a published form. */
  formHasFreeTextAndAttachments: FormCheck;
}

export type FormCheck = "yes" | "no" | "none";

export type ChecklistGap =
  | { kind: "no-designation"; messageType: MessageType }
  | { kind: "level-above-product"; messageType: MessageType; channelName: string; level: AssuranceLevel }
  | { kind: "no-decision-term" }
  | { kind: "no-description" }
  | { kind: "form-without-free-text" };

export const gapKinds = ["no-designation", "form-without-free-text", "level-above-product", "no-decision-term", "no-description"] as const satisfies readonly ChecklistGap["kind"][];

/**
 * True when a channel's condition asks a higher login level than the product records (R3):
 * a DigiD level above the product's level for residents, an eHerkenning level above the one for
 * businesses, or any level where the product asks no login at all.
 */
export function levelAboveProduct(condition: string | null, product: { residentLevel: DigidLevel | null; businessLevel: EherkenningLevel | null }): boolean {
  if (!condition || !isAssuranceLevel(condition)) return false;
  const recorded: AssuranceLevel | null = (digidLevels as readonly string[]).includes(condition) ? product.residentLevel : (eherkenningLevels as readonly string[]).includes(condition) ? product.businessLevel : null;
  return recorded === null || !meetsLevel(recorded, condition);
}

/**
 * The gaps of one product, in a fixed order: each official message type without a designation
 * in force; a form without free text and attachments; each designation that asks a login level
 * above the product's; no decision term (for a product with an official message type); no
 * plain-language description.
 */
export function checklistGaps(facts: ChecklistFacts): ChecklistGap[] {
  const gaps: ChecklistGap[] = [];
  for (const type of facts.messageTypes) {
    if (type.official && !facts.designationsInForce.some((d) => d.messageType === type.messageType)) gaps.push({ kind: "no-designation", messageType: type.messageType });
  }
  if (facts.formHasFreeTextAndAttachments === "no") gaps.push({ kind: "form-without-free-text" });
  for (const d of facts.designationsInForce) {
    if (levelAboveProduct(d.conditionLevel, facts)) gaps.push({ kind: "level-above-product", messageType: d.messageType, channelName: d.channelName, level: d.conditionLevel as AssuranceLevel });
  }
  if (facts.decisionTermAmount === null && facts.messageTypes.some((t) => t.official)) gaps.push({ kind: "no-decision-term" });
  if (!facts.descriptionNl || facts.descriptionNl.trim() === "") gaps.push({ kind: "no-description" });
  return gaps;
}

/** How many products have each kind of gap (a product with two gaps of one kind counts once). */
export function countGaps(gapsPerProduct: readonly (readonly ChecklistGap[])[]): Record<ChecklistGap["kind"], number> {
  const counts = Object.fromEntries(gapKinds.map((k) => [k, 0])) as Record<ChecklistGap["kind"], number>;
  for (const gaps of gapsPerProduct) for (const kind of new Set(gaps.map((g) => g.kind))) counts[kind]++;
  return counts;
}

/**
 * Whether a product's current form ends with free text and attachments (R8): "none" when it has
 * no published form (residents then use another designated channel; not a gap of this kind),
 * "yes" or "no" from the published definition. Publishing already refuses a form without them,
 * so "no" means the rule was tightened after the form was published.
 */
export function formCheckOf(definition: unknown | null): FormCheck {
  if (definition === null) return "none";
  const check = validateDefinition(definition);
  if (check.ok) return "yes";
  return check.problems.some((p) => p.message.includes("(R8)")) ? "no" : "yes";
}
