import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { messagesFor } from "@/lib/i18n";
import { ERROR_SUMMARY_ID, ErrorSummary, titleWithErrors } from "./ErrorSummary";

const t = messagesFor("nl");
const errors = [
  { field: "naam", message: "Vul uw naam in" },
  { field: "gronden", message: "Schrijf op waarom u het niet eens bent" },
];

describe("ErrorSummary", () => {
  it("renders nothing without errors", () => {
    expect(renderToStaticMarkup(<ErrorSummary t={t} errors={[]} />)).toBe("");
  });

  it("is an alert that can take focus, titled 'Er is een probleem'", () => {
    const html = renderToStaticMarkup(<ErrorSummary t={t} errors={errors} />);
    expect(html).toMatch(new RegExp(`^<div id="${ERROR_SUMMARY_ID}" role="alert" tabindex="-1" aria-labelledby="${ERROR_SUMMARY_ID}-titel"`));
    expect(html).toContain(`<h2 id="${ERROR_SUMMARY_ID}-titel"`);
    expect(html).toContain(">Er is een probleem</h2>");
    expect(html).not.toContain("autofocus");
  });

  it("links every message to the id of its field", () => {
    const html = renderToStaticMarkup(<ErrorSummary t={t} errors={errors} />);
    expect(html).toMatch(/<a href="#naam"[^>]*>Vul uw naam in<\/a>/);
    expect(html).toMatch(/<a href="#gronden"[^>]*>Schrijf op waarom u het niet eens bent<\/a>/);
  });

  it("speaks the page's language and accepts another id", () => {
    const html = renderToStaticMarkup(<ErrorSummary t={messagesFor("en")} errors={errors} id="fouten-stap-2" />);
    expect(html).toContain('id="fouten-stap-2"');
    expect(html).toContain(">There is a problem</h2>");
  });
});

describe("titleWithErrors", () => {
  it("puts 'Fout:' before the page title only when there are errors", () => {
    expect(titleWithErrors("Bezwaar maken", errors, t)).toBe("Fout: Bezwaar maken");
    expect(titleWithErrors("Bezwaar maken", [], t)).toBe("Bezwaar maken");
    expect(titleWithErrors("Bezwaar maken", undefined, t)).toBe("Bezwaar maken");
    expect(titleWithErrors("Objection", errors, messagesFor("en"))).toBe("Error: Objection");
  });
});
