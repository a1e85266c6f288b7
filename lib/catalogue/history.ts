/**
 * What changed in a product, for its history (product_changes). Pure functions, no I/O.
 * A snapshot is a flat object of the product's fields plus its message types; the diff keeps
 * only the fields whose value differs, before and after.
 */

export type Snapshot = Record<string, unknown>;

function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(a ?? null) === JSON.stringify(b ?? null);
}

/** The fields that differ between two snapshots, with their old and new values; empty objects when nothing changed. */
export function productChangeDiff(before: Snapshot, after: Snapshot): { before: Snapshot; after: Snapshot } {
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  const diff = { before: {} as Snapshot, after: {} as Snapshot };
  for (const key of keys) {
    if (same(before[key], after[key])) continue;
    diff.before[key] = before[key] ?? null;
    diff.after[key] = after[key] ?? null;
  }
  return diff;
}

/** The message types of a product as they go into a snapshot: sorted, each "type" or "type (2:13)". */
export function messageTypesSnapshot(types: readonly { messageType: string; official: boolean }[]): string[] {
  return types.map((t) => `${t.messageType}${t.official ? " (2:13)" : " (2:14)"}`).sort();
}
