import { Fragment, type ReactNode } from "react";

/**
 * Fills {placeholders} in a message with React nodes (links, bold text), so a sentence can
 * carry a link without being cut into pieces in the messages file. Unknown placeholders stay
 * visible, as in format().
 */
export function formatNodes(template: string, values: Record<string, ReactNode>): ReactNode[] {
  return template.split(/(\{\w+\})/g).map((part, i) => {
    const key = /^\{(\w+)\}$/.exec(part)?.[1];
    return <Fragment key={i}>{key !== undefined && key in values ? values[key] : part}</Fragment>;
  });
}

/** A message with {placeholders} filled by React nodes; see formatNodes. */
export function FormattedText({ text, values }: { text: string; values: Record<string, ReactNode> }) {
  return <>{formatNodes(text, values)}</>;
}
