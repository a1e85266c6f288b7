import "server-only";

/** The attachment store this portal is configured with (ATTACHMENT_STORE); see ./configured. */
export { attachmentStore } from "./configured";
