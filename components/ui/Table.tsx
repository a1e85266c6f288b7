import { useId, type ReactNode } from "react";

/** One column: its header and how to show a row's cell. */
export interface TableColumn<Row> {
  header: ReactNode;
  cell: (row: Row) => ReactNode;
  /** This column names the row (a <th scope="row">), e.g. the subject of a mail. */
  rowHeader?: boolean;
  /** Numbers are right-aligned so they can be compared. */
  numeric?: boolean;
}

/**
 * A data table with a caption (required: it names the table for screen readers) and header
 * cells with scope. On narrow screens it scrolls sideways inside a focusable region, so
 * keyboard users can scroll it too.
 */
export function Table<Row>({
  caption,
  captionHidden = false,
  columns,
  rows,
  rowKey,
}: {
  caption: ReactNode;
  /** Hide the caption visually when a heading right above says the same. */
  captionHidden?: boolean;
  columns: readonly TableColumn<Row>[];
  rows: readonly Row[];
  rowKey: (row: Row) => string;
}) {
  const captionId = useId();
  return (
    <div role="region" aria-labelledby={captionId} tabIndex={0} className="@container mb-6 overflow-x-auto">
      <table className="w-full border-collapse text-left text-base sm:text-lg">
        <caption id={captionId} className={captionHidden ? "sr-only" : "sticky left-0 mb-2 max-w-[100cqw] text-left text-xl font-bold"}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={`border-b-2 border-solid border-ink px-2 py-2 align-bottom font-bold ${c.numeric ? "text-right" : ""}`}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)} className="border-b border-solid border-line">
              {columns.map((c, i) =>
                c.rowHeader ? (
                  <th key={i} scope="row" className={`px-2 py-2 align-top font-normal ${c.numeric ? "text-right" : ""}`}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={i} className={`px-2 py-2 align-top ${c.numeric ? "text-right tabular-nums" : ""}`}>
                    {c.cell(row)}
                  </td>
                ),
              )}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
