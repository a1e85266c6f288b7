import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Banner } from "./Banner";

describe("Banner", () => {
  it("announces errors at once and leaves other kinds quiet", () => {
    expect(renderToStaticMarkup(<Banner kind="error" title="Storing">Tekst</Banner>)).toMatch(/^<div role="alert"/);
    expect(renderToStaticMarkup(<Banner>Tekst</Banner>)).not.toContain("role=");
    expect(renderToStaticMarkup(<Banner kind="warning">Tekst</Banner>)).not.toContain("role=");
  });
});
