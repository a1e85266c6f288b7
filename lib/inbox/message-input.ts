import { z } from "zod";
import type { FileTypeId } from "../submissions/attachments/content-type";
import { format, messagesFor, type Locale } from "../i18n";
import { type IsoDate } from "../deadlines/calendar";
import { requestTermProblem, type RequestTerm } from "./terms";

/**
 * The input of the form that sends an official message to a party (field names in Dutch, as
 * on screen; error messages are keys into the messages files, translated by defineAction).
 * Pure. `today` is the day of sending in Europe/Amsterdam: a term must end after it.
 *
 *   soort            besluit | verzoek | informatie
 *   onderwerp        required, at most 200 characters
 *   tekst            required, at most 20,000 characters
 *   termijn-eenheid  dagen | weken | datum (only for verzoek, and then required)
 *   termijn-aantal   1-182 days or 1-26 weeks (with dagen/weken)
 *   termijn-datum    a date after today, within 6 months (with datum)
 *   vervangt         optional: the id of the message this one corrects (both stay visible, R17)
 */

export const SUBJECT_MAX = 200;
export const BODY_MAX = 20_000;
export const ATTACHMENTS_MAX = 20;

export const messageKindsByField = { besluit: "decision", verzoek: "information-request", informatie: "information" } as const;
export type SendableKind = (typeof messageKindsByField)[keyof typeof messageKindsByField];
/** The form's `soort` value of each kind: the inverse of messageKindsByField (a link that corrects a message of that kind). */
export const fieldByMessageKind = { decision: "besluit", "information-request": "verzoek", information: "informatie" } as const satisfies Record<SendableKind, keyof typeof messageKindsByField>;

const k = "sendingMessages.validation.";
const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const optional = z
  .string()
  .trim()
  .optional()
  .transform((v) => (v ? v : null));

export interface SendMessageFields {
  kind: SendableKind;
  subject: string;
  body: string;
  /** The term the handler set (information requests only). */
  term: RequestTerm | null;
  replacesMessageId: string | null;
}

export function sendMessageInput(today: IsoDate) {
  return z
    .object({
      soort: z.enum(["besluit", "verzoek", "informatie"], `${k}kind`),
      onderwerp: z.string(`${k}subjectRequired`).trim().min(1, `${k}subjectRequired`).max(SUBJECT_MAX, `${k}subjectTooLong`),
      tekst: z
        .string(`${k}bodyRequired`)
        .transform((v) => v.replace(/\r\n?/g, "\n").trim())
        .pipe(z.string().min(1, `${k}bodyRequired`).max(BODY_MAX, `${k}bodyTooLong`)),
      "termijn-eenheid": optional,
      "termijn-aantal": optional,
      "termijn-datum": optional,
      vervangt: optional.refine((v) => v === null || uuid.test(v), `${k}replaces`),
    })
    .superRefine((v, ctx) => {
      const unit = v["termijn-eenheid"];
      const issue = (path: string, message: string) => ctx.addIssue({ code: "custom", path: [path], message: `${k}${message}` });
      if (v.soort !== "verzoek") {
        if (unit || v["termijn-aantal"] || v["termijn-datum"]) issue("termijn-eenheid", "termNotAllowed");
        return;
      }
      if (!unit) return issue("termijn-eenheid", v["termijn-aantal"] || v["termijn-datum"] ? "termUnit" : "termRequired");
      if (unit !== "dagen" && unit !== "weken" && unit !== "datum") return issue("termijn-eenheid", "termUnit");
      const term = requestTermOf(unit, v["termijn-aantal"], v["termijn-datum"]);
      if (unit === "datum") {
        if (!v["termijn-datum"]) return issue("termijn-datum", "termRequired");
        const problem = requestTermProblem(term!, today);
        if (problem === "not-a-date") issue("termijn-datum", "termDate");
        else if (problem === "in-the-past") issue("termijn-datum", "termInThePast");
        else if (problem === "too-far") issue("termijn-datum", "termTooFar");
        return;
      }
      if (!v["termijn-aantal"]) return issue("termijn-aantal", "termRequired");
      if (!term || requestTermProblem(term, today)) issue("termijn-aantal", unit === "dagen" ? "termDays" : "termWeeks");
    })
    .transform(
      (v): SendMessageFields => ({
        kind: messageKindsByField[v.soort],
        subject: v.onderwerp,
        body: v.tekst,
        term: v.soort === "verzoek" ? requestTermOf(v["termijn-eenheid"]!, v["termijn-aantal"], v["termijn-datum"]) : null,
        replacesMessageId: v.vervangt,
      }),
    );
}

/** The term from the fields; null when the number is not a whole number. */
function requestTermOf(unit: string, amount: string | null, date: string | null): RequestTerm | null {
  if (unit === "datum") return { endsOn: date ?? "" };
  if (!amount || !/^\d{1,4}$/.test(amount)) return null;
  return { amount: Number(amount), unit: unit === "dagen" ? "days" : "weeks" };
}

export interface AttachmentCandidate {
  fileName: string;
  /** The type read from the content (lib/submissions/attachments/content-type.ts detectFileType), null when unknown. */
  fileType: FileTypeId | string | null;
}

/** Plain-language problems with a message's attachments: only PDFs, at most ATTACHMENTS_MAX. [] when all is well. */
export function attachmentProblems(files: readonly AttachmentCandidate[], locale: Locale): string[] {
  const t = messagesFor(locale).sendingMessages.validation;
  const problems = files.filter((f) => f.fileType !== "pdf").map((f) => format(t.attachmentNotPdf, { name: f.fileName }));
  if (files.length > ATTACHMENTS_MAX) problems.push(t.attachmentTooMany);
  return problems;
}
