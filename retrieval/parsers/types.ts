/** A run of prose under one heading path (headings below the document title). */
export interface Section {
  headings: string[];
  /** Paragraphs, list items and table rows, as plain text. */
  paragraphs: string[];
}

/** One question–answer pair of an FAQ file. */
export interface FaqEntry {
  question: string;
  answer: string;
  /** Extra phrasings of the question (for example logged customer questions). */
  examples: string[];
  url?: string;
  category?: string;
}

/** What every format parser produces. */
export interface ParsedDocument {
  /** From the file itself (front matter, `<title>`, first `# heading`), if it names one. */
  title?: string;
  url?: string;
  category?: string;
  language?: 'en' | 'zh';
  sections: Section[];
  faq: FaqEntry[];
}
