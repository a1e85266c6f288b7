export interface ExplainEntry {
  /** The statement's execution time in milliseconds. */
  ms: number;
  query: string;
  plan: string;
}
export function explainEntries(log: string): ExplainEntry[];
export function classify(query: string): string;
export function indexUse(plan: string): { used: string[]; seq: string[] };
