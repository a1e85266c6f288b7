import { FORMAT_VERSION, type FormDefinition } from "./definition";

/** A small valid definition to start from when a product has no form yet: contact details, then free text and attachments (R8). */
export function starterDefinition(productName: { nl: string; en: string }): FormDefinition {
  return {
    formatVersion: FORMAT_VERSION,
    title: productName,
    steps: [
      {
        id: "gegevens",
        title: { nl: "Uw gegevens", en: "Your details" },
        fields: [
          { id: "naam", kind: "text", label: { nl: "Naam", en: "Name" }, prefill: "name", rules: [{ kind: "maxLength", value: 200 }] },
          { id: "email", kind: "email", label: { nl: "E-mailadres", en: "E-mail address" }, hint: { nl: "Hierop krijgt u bericht over uw aanvraag.", en: "We use this to keep you informed." }, prefill: "email" },
        ],
      },
      {
        id: "toelichting",
        title: { nl: "Toelichting en bijlagen", en: "Explanation and attachments" },
        fields: [
          { id: "toelichting", kind: "longText", optional: true, label: { nl: "Wilt u nog iets vertellen?", en: "Anything else you want to tell us?" }, rules: [{ kind: "maxLength", value: 5000 }] },
          { id: "bijlagen", kind: "file", optional: true, label: { nl: "Bijlagen", en: "Attachments" }, maxSizeMb: 10, allowedTypes: ["pdf", "jpg", "jpeg", "png"], maxCount: 5 },
        ],
      },
    ],
  };
}
