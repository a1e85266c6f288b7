import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { messagesFor } from "@/lib/i18n";
import { Field, controlClassName } from "./Field";

const t = messagesFor("nl");

describe("Field", () => {
  it("ties the label to the control and leaves aria-invalid and aria-describedby off when there is nothing to say", () => {
    const html = renderToStaticMarkup(<Field t={t} id="naam" label="Naam">{(c) => <input {...c} type="text" />}</Field>);
    expect(html).toContain('<label for="naam"');
    expect(html).toContain('id="naam"');
    expect(html).toContain('name="naam"');
    expect(html).not.toContain("aria-invalid");
    expect(html).not.toContain("aria-describedby");
    expect(html).not.toContain(t.form.optional);
  });

  it("describes the control by its hint", () => {
    const html = renderToStaticMarkup(
      <Field t={t} id="telefoon" label="Telefoonnummer" hint="Wij bellen alleen als er iets onduidelijk is.">
        {(c) => <input {...c} type="tel" />}
      </Field>,
    );
    expect(html).toContain('id="telefoon-hint"');
    expect(html).toContain('aria-describedby="telefoon-hint"');
  });

  it("wires an error with aria-invalid, aria-describedby (hint first) and a hidden 'Fout:' prefix", () => {
    const html = renderToStaticMarkup(
      <Field t={t} id="geboortedatum" name="datum" label="Geboortedatum" hint="Bijvoorbeeld 27 3 2007" error="Vul uw geboortedatum in">
        {(c) => <input {...c} />}
      </Field>,
    );
    expect(html).toContain('aria-invalid="true"');
    expect(html).toContain('aria-describedby="geboortedatum-hint geboortedatum-error"');
    expect(html).toContain('name="datum"');
    expect(html).toMatch(/<p id="geboortedatum-error"[^>]*><span class="sr-only">Fout: <\/span>Vul uw geboortedatum in<\/p>/);
    expect(html).toContain("border-error");
  });

  it("marks optional fields in the label, in the page's language", () => {
    expect(renderToStaticMarkup(<Field t={t} id="toelichting" label="Toelichting" optional>{(c) => <input {...c} />}</Field>)).toMatch(
      /<label for="toelichting"[^>]*>Toelichting<span[^>]*> \(niet verplicht\)<\/span><\/label>/,
    );
    const en = messagesFor("en");
    expect(renderToStaticMarkup(<Field t={en} id="x" label="Notes" optional>{(c) => <input {...c} />}</Field>)).toContain(" (optional)");
  });

  it("works the same for a textarea and a select", () => {
    const textarea = renderToStaticMarkup(
      <Field t={t} id="gronden" label="Waarom bent u het niet eens met het besluit?" kind="textarea" error="Schrijf op waarom u het niet eens bent">
        {(c) => <textarea {...c} rows={8} />}
      </Field>,
    );
    expect(textarea).toMatch(/<textarea id="gronden" name="gronden" aria-describedby="gronden-error" aria-invalid="true" class="[^"]*min-h-32/);

    const select = renderToStaticMarkup(
      <Field t={t} id="onderwerp" label="Onderwerp" hint="Kies het onderwerp dat het best past" kind="select">
        {(c) => (
          <select {...c}>
            <option value="afval">Afval</option>
          </select>
        )}
      </Field>,
    );
    expect(select).toMatch(/<select id="onderwerp" name="onderwerp" aria-describedby="onderwerp-hint" class="[^"]*min-w-48/);
  });

  it("gives erroneous controls a thicker red border", () => {
    expect(controlClassName("input", true)).toContain("border-error");
    expect(controlClassName("input", false)).not.toContain("border-error");
  });
});
