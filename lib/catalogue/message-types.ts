import { messageTypes, type MessageType } from "@/db/schema/catalogue";

/**
 * The message types (berichttypen) and the facts about them that do not depend on the product.
 * Pure module.
 */
export { messageTypes, type MessageType };

export function isMessageType(value: unknown): value is MessageType {
  return typeof value === "string" && (messageTypes as readonly string[]).includes(value);
}

/** Topics that group products on the home page; labels are in the messages (catalogue.topics). */
export const productTopics = ["wonen", "geld-en-werk", "buurt", "ondernemen", "bezwaar-en-klacht", "overig"] as const;
export type ProductTopic = (typeof productTopics)[number];
