/** Splits Chinese text into words. */
export type WordSegmenter = (text: string) => string[];

let loading: Promise<WordSegmenter> | undefined;

/**
 * jieba (`@node-rs/jieba` 2.x) with the default dictionary shipped in the package.
 *
 * @remarks Loaded on first use and shared by the process: building the dictionary's prefix
 * structure takes a few hundred milliseconds and ~20 MB, which English-only deployments should
 * not pay. The HMM is on, so words missing from the dictionary (brand and product names) are
 * still grouped. `@node-rs/jieba/dict.js` reads `dict.txt` from the installed package.
 */
export function loadChineseSegmenter(): Promise<WordSegmenter> {
  loading ??= (async () => {
    const [{ Jieba }, { dict }] = await Promise.all([import('@node-rs/jieba'), import('@node-rs/jieba/dict.js')]);
    const jieba = Jieba.withDict(dict);
    return (text: string) => jieba.cut(text, true);
  })();
  loading.catch(() => {
    loading = undefined;
  });
  return loading;
}
