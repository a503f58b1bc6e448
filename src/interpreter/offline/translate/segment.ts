/**
 * Word segmentation with ICU's dictionary segmenter (`Intl.Segmenter`, built into Node's full
 * ICU): Chinese, Japanese and Thai are written without spaces between words.
 */
const SEGMENTERS = new Map<string, Intl.Segmenter>();

export function segmentWords(text: string, locale: 'zh' | 'ja' | 'th'): string[] {
  let segmenter = SEGMENTERS.get(locale);
  if (!segmenter) SEGMENTERS.set(locale, (segmenter = new Intl.Segmenter(locale, { granularity: 'word' })));
  return [...segmenter.segment(text)].map((s) => s.segment);
}
