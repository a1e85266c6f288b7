import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { messagesFor } from "@/lib/i18n";
import { Pagination, pageFromParam, pageItems } from "./Pagination";

const t = messagesFor("nl");
const href = (page: number) => `/demo/postvak?pagina=${page}`;

/** The links in some markup with their attributes, whatever order React writes them in. */
function links(html: string): { attrs: Record<string, string>; text: string }[] {
  return [...html.matchAll(/<a ([^>]*)>(.*?)<\/a>/g)].map(([, attrs, inner]) => ({
    attrs: Object.fromEntries([...attrs!.matchAll(/([\w-]+)="([^"]*)"/g)].map(([, k, v]) => [k!, v!])),
    text: inner!.replace(/<[^>]+>/g, ""),
  }));
}

describe("pageItems", () => {
  it.each([
    [1, 1, [1]],
    [1, 3, [1, 2, 3]],
    [1, 10, [1, 2, null, 10]],
    [3, 10, [1, 2, 3, 4, null, 10]],
    [5, 10, [1, null, 4, 5, 6, null, 10]],
    [10, 10, [1, null, 9, 10]],
    [4, 7, [1, 2, 3, 4, 5, 6, 7]],
  ])("page %i of %i", (page, count, expected) => {
    expect(pageItems(page, count)).toEqual(expected);
  });
});

describe("Pagination", () => {
  it("renders nothing when there is one page", () => {
    expect(renderToStaticMarkup(<Pagination t={t} page={1} pageCount={1} href={href} />)).toBe("");
  });

  it("is a labelled nav with the current page marked by aria-current", () => {
    const html = renderToStaticMarkup(<Pagination t={t} page={2} pageCount={3} href={href} />);
    expect(html).toMatch(/^<nav aria-label="Paginering"/);
    expect(html.match(/aria-current="page"/g)).toHaveLength(1);
    const current = links(html).filter((a) => a.attrs["aria-current"] === "page");
    expect(current).toHaveLength(1);
    expect(current[0]).toMatchObject({ text: "2", attrs: { href: "/demo/postvak?pagina=2", "aria-label": "Pagina 2" } });
    expect(links(html).find((a) => a.text === "1")?.attrs).toEqual(expect.objectContaining({ href: "/demo/postvak?pagina=1", "aria-label": "Pagina 1" }));
    expect(links(html).find((a) => a.text === "1")?.attrs).not.toHaveProperty("aria-current");
  });

  it("has previous and next links built by the href function", () => {
    const html = renderToStaticMarkup(<Pagination t={t} page={2} pageCount={3} href={href} />);
    const prev = links(html).find((a) => a.attrs.rel === "prev");
    const next = links(html).find((a) => a.attrs.rel === "next");
    expect(prev).toMatchObject({ text: "‹\u00a0Vorige pagina", attrs: { href: "/demo/postvak?pagina=1" } });
    expect(next).toMatchObject({ text: "Volgende pagina\u00a0›", attrs: { href: "/demo/postvak?pagina=3" } });
  });

  it("leaves out previous on the first page and next on the last", () => {
    const first = renderToStaticMarkup(<Pagination t={t} page={1} pageCount={5} href={href} />);
    expect(first).not.toContain("Vorige pagina");
    expect(first).toContain("Volgende pagina");
    const last = renderToStaticMarkup(<Pagination t={t} page={5} pageCount={5} href={href} />);
    expect(last).toContain("Vorige pagina");
    expect(last).not.toContain("Volgende pagina");
  });

  it("hides the gap marker from screen readers", () => {
    const html = renderToStaticMarkup(<Pagination t={messagesFor("en")} page={1} pageCount={9} href={href} />);
    expect(html).toMatch(/<li aria-hidden="true"[^>]*>…<\/li>/);
    expect(html).toContain('aria-label="Pagination"');
    expect(html).toContain('aria-label="Page 9"');
  });
});

describe("pageFromParam", () => {
  it.each([
    [undefined, 1],
    ["1", 1],
    ["3", 3],
    [["4", "9"], 4],
    ["0", 1],
    ["-2", 1],
    ["2.5", 1],
    ["abc", 1],
    ["1234567", 1],
  ] as [string | string[] | undefined, number][])("?pagina=%s is page %i", (value, page) => {
    expect(pageFromParam(value)).toBe(page);
  });
});
