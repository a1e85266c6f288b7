import type { FormDefinition } from "../catalogue/forms/definition";

/**
 * The built-in form of a reply (reactie) to a message in the inbox: the text and, when the
 * channel register allows files for it, attachments. A reply draft and a reply submission have no
 * form version (form_version_id is null): this definition is their form, for checking the text,
 * the upload limits, the receipt page and the copy (docs/decisions/0013-replies-are-submissions.md).
 * Changing a label here changes how old replies are shown; the answers themselves never change.
 */

export const REPLY_TEXT_FIELD = "reactie";
export const REPLY_FILES_FIELD = "bijlagen";
export const REPLY_TEXT_MAX = 10_000;

export const replyForm: FormDefinition = {
  formatVersion: 1,
  title: { nl: "Reactie op een bericht", en: "Reply to a message" },
  steps: [
    {
      id: "reactie",
      title: { nl: "Uw reactie", en: "Your reply" },
      fields: [
        {
          id: REPLY_TEXT_FIELD,
          kind: "longText",
          label: { nl: "Uw reactie", en: "Your reply" },
          hint: { nl: "Schrijf uw antwoord op de vraag van de gemeente.", en: "Write your answer to the municipality's question." },
          rules: [
            { kind: "minLength", value: 2, message: { nl: "Schrijf uw reactie. Gebruik minstens 2 tekens.", en: "Write your reply. Use at least 2 characters." } },
            { kind: "maxLength", value: REPLY_TEXT_MAX },
          ],
        },
        {
          id: REPLY_FILES_FIELD,
          kind: "file",
          label: { nl: "Bijlagen", en: "Attachments" },
          hint: { nl: "Bijvoorbeeld de stukken waar de gemeente om vroeg.", en: "For example the documents the municipality asked for." },
          maxSizeMb: 25,
          allowedTypes: ["pdf", "jpg", "jpeg", "png"],
          maxCount: 10,
          optional: true,
        },
      ],
    },
  ],
};
