import type { NoticeKind } from "@/db/schema/notifications";
import { formatDate, formatDateTime, type Locale } from "../i18n";

/**
 * The notices (notificaties) as e-mails: subject, plain text and HTML per kind and language.
 * From 2027 a notice must state the nature of the message, its legal effect, whether a reaction
 * is expected, and the end date of the term (R12, Awb 2:10 lid 2); it carries no personal details
 * beyond that (no name, no BSN, no case content): the content stays in the portal.
 * Pure functions: the same input gives the same mail, and a bad input throws TemplateError.
 */

export interface NoticeInput {
  kind: NoticeKind;
  language: Locale;
  /** The portal's public address, e.g. https://mijn.voorbeeldstad.nl */
  portalUrl: string;
  municipality: { name: string; phone: string };
  /** Last day of the term, as a calendar date "YYYY-MM-DD", or null when none runs. */
  termEndsOn: string | null;
  /** The inbox message the notice is about: the link then goes straight to it. */
  messageRef?: string | null;
  /**
   * For a receipt: the reference, the moment of receipt and the receiving body (R6), so the
   * e-mail itself proves arrival. Never the product or any answer: e-mail is not a secure
   * channel, and the subject of a submission can say something about the person.
   */
  receipt?: ReceiptFacts | null;
}

/** What a receipt notice may say about the submission it confirms. */
export interface ReceiptFacts {
  reference: string;
  receivedAt: Date;
  /** The receiving body, e.g. "Gemeente Voorbeeldstad". */
  receivedBy: string;
}

export interface RenderedMail {
  subject: string;
  text: string;
  html: string;
}

export class TemplateError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TemplateError";
  }
}

interface KindText {
  subject: string;
  nature: string;
  legalEffect: string;
  /** Whether a reaction (pay, supply information, object) is expected, and which. */
  reaction: string;
  reactionExpected: boolean;
  /** The sentence with the term's end date; {date} is filled in. */
  term: string;
}

interface LanguageText {
  greeting: string;
  natureHeading: string;
  legalHeading: string;
  reactionHeading: string;
  termHeading: string;
  noTerm: string;
  readIt: string;
  why: string;
  change: string;
  questions: string;
  noReply: string;
  receiptHeading: string;
  /** {reference}, {receivedAt} and {receivedBy} are filled in. */
  receiptFacts: string;
  kinds: Record<NoticeKind, KindText>;
}

const texts: Record<Locale, LanguageText> = {
  nl: {
    greeting: "Geachte heer of mevrouw,",
    natureHeading: "Wat voor bericht is het?",
    legalHeading: "Wat betekent dit voor u?",
    reactionHeading: "Moet u iets doen?",
    termHeading: "Tot wanneer?",
    noTerm: "Voor dit bericht loopt geen termijn.",
    readIt: "Lees het bericht in MijnOmgeving. Log in met DigiD of eHerkenning:",
    why: "U krijgt deze e-mail omdat u heeft gekozen om dit soort berichten digitaal te ontvangen. In deze e-mail staan geen persoonlijke gegevens. Die leest u alleen in MijnOmgeving.",
    change: "Wilt u dit soort berichten liever per post? Of wilt u een ander e-mailadres gebruiken? Dat kunt u altijd wijzigen:",
    questions: "Heeft u vragen? Bel {phone}.",
    noReply: "U kunt niet reageren op deze e-mail.",
    receiptHeading: "Gegevens van de ontvangst",
    receiptFacts: "Kenmerk: {reference}. Ontvangen op {receivedAt} door {receivedBy}.",
    kinds: {
      decision: {
        subject: "Er staat een besluit voor u klaar",
        nature: "De gemeente heeft een besluit genomen. Het besluit staat in uw berichtenbox in MijnOmgeving.",
        legalEffect: "Een besluit heeft gevolgen voor u. Er staat bijvoorbeeld in of u iets krijgt, of dat u iets moet doen of betalen.",
        reaction: "U hoeft niets te doen als u het eens bent met het besluit. Bent u het niet eens met het besluit? Dan kunt u bezwaar maken.",
        reactionExpected: false,
        term: "Bezwaar maken kan tot en met {date}.",
      },
      "information-request": {
        subject: "De gemeente vraagt u om informatie",
        nature: "De gemeente heeft meer informatie van u nodig. Het verzoek staat in uw berichtenbox in MijnOmgeving.",
        legalEffect: "Stuurt u de informatie niet op tijd? Dan kan de gemeente uw aanvraag misschien niet behandelen.",
        reaction: "Ja. Wij vragen u om informatie te sturen.",
        reactionExpected: true,
        term: "Stuur de informatie uiterlijk op {date}.",
      },
      information: {
        subject: "Er staat een bericht voor u klaar",
        nature: "De gemeente laat u iets weten over uw aanvraag, bezwaar of klacht. Het bericht staat in uw berichtenbox in MijnOmgeving.",
        legalEffect: "Dit bericht is informatie. Het is geen besluit.",
        reaction: "Nee. U hoeft niets te doen.",
        reactionExpected: false,
        term: "Reageer uiterlijk op {date}.",
      },
      receipt: {
        subject: "Wij hebben uw bericht ontvangen",
        nature: "Dit is een ontvangstbevestiging. Wij hebben uw bericht ontvangen. De bevestiging staat in uw berichtenbox in MijnOmgeving.",
        legalEffect: "Met deze bevestiging kunt u laten zien dat uw bericht bij ons is aangekomen, en wanneer.",
        reaction: "Nee. U hoeft niets te doen.",
        reactionExpected: false,
        term: "Wij beslissen uiterlijk op {date}.",
      },
      reminder: {
        subject: "Herinnering: er wacht een bericht op u",
        nature: "Dit is een herinnering. Er staat een bericht voor u klaar in uw berichtenbox in MijnOmgeving.",
        legalEffect: "Een herinnering verandert niets aan het bericht of aan de termijn.",
        reaction: "Ja. In het bericht staat wat wij van u vragen.",
        reactionExpected: true,
        term: "De termijn eindigt op {date}.",
      },
      outage: {
        subject: "Er was een storing bij de gemeente",
        nature: "Er was een storing in MijnOmgeving. Daardoor kon u ons misschien niet bereiken. Meer informatie staat in MijnOmgeving.",
        legalEffect: "Liep een termijn af tijdens de storing? Dan krijgt u meer tijd. U bent daardoor niet te laat.",
        reaction: "Nee. U hoeft niets te doen. Wilde u iets sturen tijdens de storing? Doe dat dan alsnog.",
        reactionExpected: false,
        term: "U kunt alsnog reageren tot en met {date}.",
      },
      "draft-expiring": {
        subject: "Uw concept wordt binnenkort verwijderd",
        nature: "U bent in MijnOmgeving een formulier begonnen en heeft het nog niet verstuurd. Wij bewaren zo'n concept maar een tijd.",
        legalEffect: "Een concept is nog niet verstuurd. De gemeente heeft het dus niet ontvangen. Na de datum hieronder verwijderen wij het concept met de bestanden die erbij zitten.",
        reaction: "Wilt u het versturen? Log in, ga naar Mijn concepten en maak het af. Wilt u het niet versturen? Dan hoeft u niets te doen.",
        reactionExpected: false,
        term: "Wij bewaren het concept tot en met {date}.",
      },
    },
  },
  en: {
    greeting: "Dear Sir or Madam,",
    natureHeading: "What kind of message is it?",
    legalHeading: "What does this mean for you?",
    reactionHeading: "Do you need to do anything?",
    termHeading: "Until when?",
    noTerm: "No term runs for this message.",
    readIt: "Read the message in MijnOmgeving. Log in with DigiD or eHerkenning:",
    why: "You receive this e-mail because you chose to receive this kind of message digitally. This e-mail contains no personal details. You can only read those in MijnOmgeving.",
    change: "Would you rather receive this kind of message by post? Or use another e-mail address? You can change that at any time:",
    questions: "Questions? Call {phone}.",
    noReply: "You cannot reply to this e-mail.",
    receiptHeading: "Receipt details",
    receiptFacts: "Reference: {reference}. Received on {receivedAt} by {receivedBy}.",
    kinds: {
      decision: {
        subject: "A decision is waiting for you",
        nature: "The municipality has made a decision. It is in your inbox in MijnOmgeving.",
        legalEffect: "A decision has consequences for you. It says, for example, whether you get something, or must do or pay something.",
        reaction: "You need not do anything if you agree with the decision. If you do not agree, you can object.",
        reactionExpected: false,
        term: "You can object until and including {date}.",
      },
      "information-request": {
        subject: "The municipality asks you for information",
        nature: "The municipality needs more information from you. The request is in your inbox in MijnOmgeving.",
        legalEffect: "If you do not send the information in time, the municipality may not be able to handle your application.",
        reaction: "Yes. We ask you to send information.",
        reactionExpected: true,
        term: "Send the information by {date} at the latest.",
      },
      information: {
        subject: "A message is waiting for you",
        nature: "The municipality tells you something about your application, objection or complaint. The message is in your inbox in MijnOmgeving.",
        legalEffect: "This message is information. It is not a decision.",
        reaction: "No. You need not do anything.",
        reactionExpected: false,
        term: "Respond by {date} at the latest.",
      },
      receipt: {
        subject: "We have received your message",
        nature: "This is a receipt. We have received your message. The receipt is in your inbox in MijnOmgeving.",
        legalEffect: "With this receipt you can show that your message reached us, and when.",
        reaction: "No. You need not do anything.",
        reactionExpected: false,
        term: "We will decide by {date} at the latest.",
      },
      reminder: {
        subject: "Reminder: a message is waiting for you",
        nature: "This is a reminder. A message is waiting for you in your inbox in MijnOmgeving.",
        legalEffect: "A reminder does not change the message or the term.",
        reaction: "Yes. The message says what we ask of you.",
        reactionExpected: true,
        term: "The term ends on {date}.",
      },
      outage: {
        subject: "There was an outage at the municipality",
        nature: "There was an outage in MijnOmgeving, so you may not have been able to reach us. More information is in MijnOmgeving.",
        legalEffect: "Did a term end during the outage? Then you get more time. You are not too late because of it.",
        reaction: "No. You need not do anything. Did you want to send something during the outage? You can still do so.",
        reactionExpected: false,
        term: "You can still react until and including {date}.",
      },
      "draft-expiring": {
        subject: "Your draft will be deleted soon",
        nature: "You started a form in MijnOmgeving and have not sent it yet. We keep such a draft only for a while.",
        legalEffect: "A draft has not been sent. The municipality has therefore not received it. After the date below we delete the draft with the files in it.",
        reaction: "Do you want to send it? Log in, go to My drafts and finish it. Do you not want to send it? Then you need not do anything.",
        reactionExpected: false,
        term: "We keep the draft until and including {date}.",
      },
    },
  },
};

/** Whether a notice of this kind asks the resident to react (for screens that list notices). */
export function reactionExpected(kind: NoticeKind): boolean {
  return texts.nl.kinds[kind].reactionExpected;
}

/** A calendar date "YYYY-MM-DD" as a Date at noon UTC (the same day in Amsterdam), or TemplateError. */
function calendarDate(value: string): Date {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) throw new TemplateError(`Not a calendar date: ${value}`);
  const date = new Date(`${value}T12:00:00Z`);
  if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== value) throw new TemplateError(`Not a calendar date: ${value}`);
  return date;
}

/** Escapes text for HTML. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

function fill(template: string, values: Record<string, string>): string {
  return template.replace(/\{(\w+)\}/g, (whole, key: string) => values[key] ?? whole);
}

function portalUrl(input: { portalUrl: string }): string {
  let url: URL;
  try {
    url = new URL(input.portalUrl);
  } catch {
    throw new TemplateError(`Not a portal address: ${input.portalUrl}`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") throw new TemplateError(`Not a portal address: ${input.portalUrl}`);
  return input.portalUrl.replace(/\/$/, "");
}

interface Section {
  heading: string;
  text: string;
}

function layout(language: Locale, subject: string, municipality: string, intro: string[], sections: Section[], links: { text: string; url: string }[], footer: string[]): RenderedMail {
  const text = [
    ...intro,
    "",
    ...sections.flatMap((s) => [s.heading, s.text, ""]),
    ...links.flatMap((l) => [l.text, l.url, ""]),
    ...footer,
    "",
    municipality,
  ].join("\n");
  const html = `<!doctype html>
<html lang="${language}">
<head><meta charset="utf-8"><title>${escapeHtml(subject)}</title></head>
<body style="font-family: Arial, sans-serif; font-size: 16px; line-height: 1.5; color: #1a1a1a; max-width: 36em;">
${intro.map((p) => `<p>${escapeHtml(p)}</p>`).join("\n")}
${sections.map((s) => `<h2 style="font-size: 18px; margin-bottom: 0;">${escapeHtml(s.heading)}</h2>\n<p style="margin-top: 4px;">${escapeHtml(s.text)}</p>`).join("\n")}
${links.map((l) => `<p>${escapeHtml(l.text)}<br><a href="${escapeHtml(l.url)}">${escapeHtml(l.url)}</a></p>`).join("\n")}
${footer.map((p) => `<p style="color: #4a4a4a;">${escapeHtml(p)}</p>`).join("\n")}
<p>${escapeHtml(municipality)}</p>
</body>
</html>
`;
  return { subject, text, html };
}

/** The receipt's reference, moment (Europe/Amsterdam) and receiving body; TemplateError on facts it cannot show. */
function receiptSection(lang: LanguageText, facts: ReceiptFacts, language: Locale): Section {
  if (!/^[A-Z]{2,4}-\d{4}-\d{1,9}$/.test(facts.reference)) throw new TemplateError(`Not a reference: ${facts.reference}`);
  if (!(facts.receivedAt instanceof Date) || Number.isNaN(facts.receivedAt.getTime())) throw new TemplateError("Not a moment of receipt");
  return { heading: lang.receiptHeading, text: fill(lang.receiptFacts, { reference: facts.reference, receivedAt: formatDateTime(facts.receivedAt, language), receivedBy: facts.receivedBy }) };
}

/** The notice e-mail for one kind, language and term. Throws TemplateError on input it cannot render. */
export function renderNotice(input: NoticeInput): RenderedMail {
  const lang = texts[input.language];
  if (!lang) throw new TemplateError(`No templates for language ${String(input.language)}`);
  const kind = lang.kinds[input.kind];
  if (!kind) throw new TemplateError(`No template for notice kind ${String(input.kind)}`);
  const base = portalUrl(input);
  const term = input.termEndsOn ? fill(kind.term, { date: formatDate(calendarDate(input.termEndsOn), input.language) }) : lang.noTerm;
  // A draft about to expire is found among the drafts, not in the inbox.
  const messageLink = input.messageRef ? `${base}/mijn/berichten/${encodeURIComponent(input.messageRef)}` : input.kind === "draft-expiring" ? `${base}/mijn/aanvragen` : `${base}/mijn`;
  const receipt = input.kind === "receipt" && input.receipt ? receiptSection(lang, input.receipt, input.language) : null;
  return layout(
    input.language,
    `${kind.subject} - ${input.municipality.name}`,
    input.municipality.name,
    [lang.greeting],
    [
      { heading: lang.natureHeading, text: kind.nature },
      ...(receipt ? [receipt] : []),
      { heading: lang.legalHeading, text: kind.legalEffect },
      { heading: lang.reactionHeading, text: kind.reaction },
      { heading: lang.termHeading, text: term },
    ],
    [
      { text: lang.readIt, url: messageLink },
      { text: lang.change, url: `${base}/mijn/instellingen` },
    ],
    [lang.why, fill(lang.questions, { phone: input.municipality.phone }), lang.noReply],
  );
}

const renderedNotices = new Map<string, RenderedMail>();

/**
 * renderNotice() remembered for the last 64 distinct inputs: a bulk run (an outage notice, a
 * reminder run, many receipts) renders the same notice for many parties, and the same strings
 * then also find the encoded body in the mail transport's cache. The function is pure, so the
 * result is the same as rendering again; an input that fails to render is never remembered.
 */
export function renderNoticeCached(input: NoticeInput): RenderedMail {
  const r = input.receipt;
  const key = JSON.stringify([input.kind, input.language, input.portalUrl, input.municipality.name, input.municipality.phone, input.termEndsOn, input.messageRef ?? null, r ? [r.reference, r.receivedAt instanceof Date ? r.receivedAt.getTime() : String(r.receivedAt), r.receivedBy] : null]);
  const known = renderedNotices.get(key);
  if (known) return known;
  const mail = renderNotice(input);
  renderedNotices.set(key, mail);
  if (renderedNotices.size > 64) renderedNotices.delete(renderedNotices.keys().next().value!);
  return mail;
}

const verificationTexts: Record<Locale, { subject: string; intro: string; action: string; expires: string; notYou: string; questions: string }> = {
  nl: {
    subject: "Bevestig uw e-mailadres",
    intro: "U heeft dit e-mailadres opgegeven in MijnOmgeving. Wij sturen berichten pas naar dit adres als u het heeft bevestigd.",
    action: "Open deze link om uw e-mailadres te bevestigen:",
    expires: "De link werkt {hours} uur en maar één keer.",
    notYou: "Heeft u dit adres niet zelf opgegeven? Dan hoeft u niets te doen. Wij gebruiken het adres dan niet.",
    questions: "Heeft u vragen? Bel {phone}.",
  },
  en: {
    subject: "Confirm your e-mail address",
    intro: "You entered this e-mail address in MijnOmgeving. We only send messages to it once you have confirmed it.",
    action: "Open this link to confirm your e-mail address:",
    expires: "The link works for {hours} hours, and only once.",
    notYou: "Did you not enter this address yourself? Then you need not do anything. We will not use it.",
    questions: "Questions? Call {phone}.",
  },
};

/** The mail with the link that verifies an e-mail address (R11). */
export function renderVerificationMail(input: { language: Locale; portalUrl: string; token: string; hours: number; municipality: { name: string; phone: string } }): RenderedMail {
  const lang = verificationTexts[input.language];
  if (!lang) throw new TemplateError(`No templates for language ${String(input.language)}`);
  if (!/^[A-Za-z0-9_-]{20,}$/.test(input.token)) throw new TemplateError("Not a verification token");
  const url = `${portalUrl(input)}/email-bevestigen?${new URLSearchParams({ code: input.token })}`;
  const hours = Number.isInteger(input.hours) ? String(input.hours) : input.hours.toFixed(1);
  return layout(
    input.language,
    `${lang.subject} - ${input.municipality.name}`,
    input.municipality.name,
    [lang.intro],
    [],
    [{ text: lang.action, url }],
    [fill(lang.expires, { hours }), lang.notYou, fill(lang.questions, { phone: input.municipality.phone })],
  );
}
