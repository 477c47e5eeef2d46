import type { NluEngine, ParseResult } from '../core/nlu.js';
import { InvalidInputError } from '../core/errors.js';
import { detectLanguage } from './language-id.js';

/**
 * Routes each text to the engine of its language and returns the results in input order.
 *
 * @remarks Texts are grouped per language so each engine still sees one batch. A language
 * without an engine falls back to `fallback`'s engine.
 */
export function createMultilingualNlu(options: { engines: Partial<Record<'en' | 'zh', NluEngine>>; fallback?: 'en' | 'zh' }): NluEngine {
  const fallback = options.fallback ?? 'en';
  if (!options.engines[fallback]) throw new InvalidInputError(`no NLU engine for the fallback language "${fallback}"`);
  return {
    async parse(texts) {
      const groups = new Map<'en' | 'zh', number[]>();
      texts.forEach((text, i) => {
        const { language } = detectLanguage(text, fallback);
        const routed = options.engines[language] ? language : fallback;
        groups.set(routed, [...(groups.get(routed) ?? []), i]);
      });
      const results = new Array<ParseResult>(texts.length);
      await Promise.all([...groups].map(async ([language, indices]) => {
        const parsed = await (options.engines[language] as NluEngine).parse(indices.map((i) => texts[i] as string));
        parsed.forEach((result, j) => { results[indices[j] as number] = { ...result, language }; });
      }));
      return results;
    },
  };
}
