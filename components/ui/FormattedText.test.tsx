import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FormattedText } from "./FormattedText";
import { PhoneLink } from "./PhoneLink";

describe("FormattedText", () => {
  it("fills placeholders with elements and leaves unknown ones visible", () => {
    const html = renderToStaticMarkup(<FormattedText text="Bel {phone}. {hours} {unknown}" values={{ phone: <PhoneLink phone="14 0123" />, hours: "Elke dag." }} />);
    expect(html).toBe('Bel <a href="tel:140123" class="whitespace-nowrap">14 0123</a>. Elke dag. {unknown}');
  });

  it("escapes text values", () => {
    expect(renderToStaticMarkup(<FormattedText text="Aan {to}" values={{ to: "<script>" }} />)).toBe("Aan &lt;script&gt;");
  });
});
