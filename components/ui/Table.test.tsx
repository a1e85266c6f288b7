import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Table, type TableColumn } from "./Table";

interface Row {
  id: string;
  subject: string;
  to: string;
  count: number;
}

const rows: Row[] = [
  { id: "a", subject: "Ontvangstbevestiging", to: "jan@example.org", count: 1 },
  { id: "b", subject: "Besluit", to: "piet@example.org", count: 12 },
];
const columns: TableColumn<Row>[] = [
  { header: "Onderwerp", cell: (r) => r.subject, rowHeader: true },
  { header: "Aan", cell: (r) => r.to },
  { header: "Aantal", cell: (r) => r.count, numeric: true },
];

describe("Table", () => {
  it("has a caption that also names its scroll region", () => {
    const html = renderToStaticMarkup(<Table caption="Verstuurde e-mails" columns={columns} rows={rows} rowKey={(r) => r.id} />);
    const captionId = /<caption id="([^"]+)"/.exec(html)?.[1];
    expect(captionId).toBeTruthy();
    expect(html).toContain(">Verstuurde e-mails</caption>");
    expect(html).toContain(`role="region" aria-labelledby="${captionId}" tabindex="0"`);
  });

  it("gives column headers scope=col and row headers scope=row", () => {
    const html = renderToStaticMarkup(<Table caption="Verstuurde e-mails" columns={columns} rows={rows} rowKey={(r) => r.id} />);
    expect(html.match(/<th scope="col"/g)).toHaveLength(3);
    expect(html.match(/<th scope="row"/g)).toHaveLength(2);
    expect(html).toMatch(/<th scope="row"[^>]*>Ontvangstbevestiging<\/th><td[^>]*>jan@example.org<\/td>/);
    expect(html).toMatch(/<td class="[^"]*text-right[^"]*">12<\/td>/);
  });

  it("can hide the caption visually while keeping it for screen readers", () => {
    const html = renderToStaticMarkup(<Table caption="Verstuurde e-mails" captionHidden columns={columns} rows={[]} rowKey={(r) => r.id} />);
    expect(html).toMatch(/<caption id="[^"]+" class="sr-only">Verstuurde e-mails<\/caption>/);
    expect(html).toContain("<tbody></tbody>");
  });
});
