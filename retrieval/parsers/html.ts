import { decodeEntities } from './inline.js';
import { parseMarkdown } from './markdown.js';
import type { ParsedDocument } from './types.js';

const DROP = /<(script|style|noscript|template|svg|head)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
const TAG = /<[^>]*>/g;

function inner(html: string): string {
  return decodeEntities(html.replace(TAG, ' ')).replace(/\s+/g, ' ').trim();
}

function tableRows(table: string): string {
  const rows = [...table.matchAll(/<tr\b[^>]*>([\s\S]*?)<\/tr\s*>/gi)].map((row) =>
    [...(row[1] ?? '').matchAll(/<(td|th)\b[^>]*>([\s\S]*?)<\/\1\s*>/gi)].map((cell) => inner(cell[2] ?? '')));
  const [header, ...body] = rows;
  if (header === undefined) return '';
  // Same convention as Markdown tables: each row a sentence of "header: cell" pairs.
  const lines = (body.length > 0 ? body : [header]).map((cells) =>
    `- ${cells.map((cell, i) => (body.length > 0 && header[i] ? `${header[i]}: ${cell}` : cell)).join('; ')}.`);
  return `\n\n${lines.join('\n')}\n\n`;
}

/**
 * Parses an HTML page into sections by `<h1>`–`<h6>`, through the Markdown reader.
 *
 * @remarks Regular expressions rather than a DOM: help-centre exports are simple, and the
 * retrieval needs headings, paragraphs, lists and tables only. Scripts and styles are dropped.
 */
export function parseHtml(html: string, fileName: string): ParsedDocument {
  const title = /<title\b[^>]*>([\s\S]*?)<\/title\s*>/i.exec(html)?.[1];
  const markdown = html
    .replace(/<!--[\s\S]*?-->/g, '')
    .replace(DROP, '')
    .replace(/<table\b[^>]*>([\s\S]*?)<\/table\s*>/gi, (_, body: string) => tableRows(body))
    .replace(/<h([1-6])\b[^>]*>([\s\S]*?)<\/h\1\s*>/gi, (_, level: string, text: string) => `\n\n${'#'.repeat(Number(level))} ${inner(text)}\n\n`)
    .replace(/<li\b[^>]*>/gi, '\n- ')
    .replace(/<br\s*\/?>/gi, '\n')
    .replace(/<\/?(p|div|section|article|ul|ol|li|main|header|footer|blockquote|pre|dl|dt|dd)\b[^>]*>/gi, '\n\n')
    .replace(TAG, ' ')
    .split('\n')
    .map((line) => decodeEntities(line).replace(/[ \t]+/g, ' ').trim())
    .join('\n');
  const parsed = parseMarkdown(markdown, fileName);
  const pageTitle = title === undefined ? undefined : inner(title);
  return { ...parsed, title: pageTitle && pageTitle.length > 0 ? pageTitle : parsed.title };
}
