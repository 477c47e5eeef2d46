import type { ParsedDocument } from './types.js';

/**
 * Parses plain text: paragraphs separated by blank lines, no headings.
 *
 * @remarks A first line that is short and followed by a blank line is taken as the title,
 * which is how most plain-text help notes start.
 */
export function parsePlainText(text: string): ParsedDocument {
  const blocks = text.split(/\n\s*\n/).map((block) => block.replace(/\s+/g, ' ').trim()).filter((block) => block.length > 0);
  const first = blocks[0];
  const hasTitle = first !== undefined && blocks.length > 1 && first.length <= 80 && !/[.!?。！？]$/.test(first);
  const paragraphs = hasTitle ? blocks.slice(1) : blocks;
  return { title: hasTitle ? first : undefined, sections: paragraphs.length > 0 ? [{ headings: [], paragraphs }] : [], faq: [] };
}
