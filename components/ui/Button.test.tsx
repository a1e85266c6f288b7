import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Button, ButtonLink, buttonClassName } from "./Button";

describe("Button", () => {
  it("is a real submit button by default, so forms work without JavaScript", () => {
    const html = renderToStaticMarkup(<Button>Versturen</Button>);
    expect(html).toMatch(/^<button type="submit"/);
    expect(html).toContain(">Versturen</button>");
    expect(html).toContain("bg-brand");
  });

  it("keeps the type, variant and other attributes it is given", () => {
    const html = renderToStaticMarkup(
      <Button type="button" variant="secondary" name="actie" value="opslaan" disabled>
        Opslaan
      </Button>,
    );
    expect(html).toContain('type="button"');
    expect(html).toContain('name="actie"');
    expect(html).toContain('value="opslaan"');
    expect(html).toContain("disabled");
    expect(html).toContain("bg-white");
    expect(html).not.toContain("bg-brand");
  });

  it("ButtonLink is a link with the look of a button", () => {
    const html = renderToStaticMarkup(<ButtonLink href="/aanvragen">Start aanvraag</ButtonLink>);
    expect(html).toMatch(/^<a /);
    expect(html).toContain('href="/aanvragen"');
    expect(html).toContain(">Start aanvraag</a>");
    expect(html).toContain(buttonClassName("primary"));
  });
});
