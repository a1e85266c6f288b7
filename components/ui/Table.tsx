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
 * keyboard users can scroll it too. The cells' spacing and lines are in app/globals.css
 * (.data-table), not on every cell.
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
      <table className="data-table w-full border-collapse text-left text-base sm:text-lg">
        <caption id={captionId} className={captionHidden ? "sr-only" : "sticky left-0 mb-2 max-w-[100cqw] text-left text-xl font-bold"}>
          {caption}
        </caption>
        <thead>
          <tr>
            {columns.map((c, i) => (
              <th key={i} scope="col" className={c.numeric ? "text-right" : undefined}>
                {c.header}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={rowKey(row)}>
              {columns.map((c, i) =>
                c.rowHeader ? (
                  <th key={i} scope="row" className={c.numeric ? "text-right" : undefined}>
                    {c.cell(row)}
                  </th>
                ) : (
                  <td key={i} className={c.numeric ? "text-right tabular-nums" : undefined}>
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
