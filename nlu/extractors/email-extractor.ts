import type { Entity, EntityExtractor } from '../../core/nlu.js';

/** Entity type of e-mail addresses. */
export const EMAIL_ENTITY = 'email';

// Pragmatic, not RFC 5322: local part, @, at least one dot in the domain, a top-level
// domain of letters. A trailing full stop ends the sentence, not the address. Han characters
// are not part of an address: Chinese writes it straight after words (我的邮箱是jane@example.com).
const NOT_HAN = String.raw`(?!\p{Script=Han})`;
const LOCAL = String.raw`${NOT_HAN}[\p{L}\p{N}_%+-]`;
const DOMAIN = String.raw`${NOT_HAN}[\p{L}\p{N}-]`;
const EMAIL = new RegExp(
  String.raw`(?<!${NOT_HAN}[\p{L}\p{N}._%+-])${LOCAL}+(?:\.${LOCAL}+)*@${DOMAIN}+(?:\.${DOMAIN}+)*\.(?:${NOT_HAN}\p{L}){2,}(?!${NOT_HAN}[\p{L}\p{N}_-])`,
  'gu',
);

/**
 * Finds e-mail addresses; `value` is the address lower-cased (after Unicode NFC), since
 * customers type `Jane@Example.com` and the shop stores `jane@example.com`.
 */
export class EmailExtractor implements EntityExtractor {
  readonly name = 'email';

  async extract(texts: readonly string[]): Promise<Entity[][]> {
    return texts.map((text) =>
      [...text.matchAll(EMAIL)].map((match) => ({
        type: EMAIL_ENTITY,
        value: match[0].normalize('NFC').toLowerCase(),
        text: match[0],
        start: match.index,
        end: match.index + match[0].length,
        extractor: this.name,
      })),
    );
  }
}
