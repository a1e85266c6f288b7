import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { messagesFor } from "@/lib/i18n";
import { Breadcrumbs } from "./Breadcrumbs";

const t = messagesFor("nl");

describe("Breadcrumbs", () => {
  const html = renderToStaticMarkup(
    <Breadcrumbs
      t={t}
      items={[
        { label: "Home", href: "/" },
        { label: "Demo-postvak", href: "/demo/postvak" },
        { label: "Ontvangstbevestiging", href: "/demo/postvak/x" },
      ]}
    />,
  );

  it("is a nav labelled 'Kruimelpad' around an ordered list", () => {
    expect(html).toMatch(/^<nav aria-label="Kruimelpad"[^>]*><ol/);
    expect(html.match(/<li/g)).toHaveLength(3);
  });

  it("links the steps before the current page and marks the last one with aria-current", () => {
    expect(html).toMatch(/<a href="\/">Home<\/a>/);
    expect(html).toMatch(/<a href="\/demo\/postvak">Demo-postvak<\/a>/);
    expect(html).toContain('<span aria-current="page">Ontvangstbevestiging</span>');
    expect(html).not.toContain('href="/demo/postvak/x"');
    expect(html.match(/aria-current/g)).toHaveLength(1);
  });

  it("hides the separators from screen readers", () => {
    expect(html.match(/<span aria-hidden="true"[^>]*>›<\/span>/g)).toHaveLength(2);
  });

  it("uses the page's language for its label", () => {
    expect(renderToStaticMarkup(<Breadcrumbs t={messagesFor("en")} items={[{ label: "Home" }]} />)).toContain('aria-label="Breadcrumbs"');
  });
});
