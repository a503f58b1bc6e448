/**
 * The page's own words in the conversation's language: elements marked `data-w="key"` take the
 * key's words from later/words-<language>.js (loaded only for a language other than English),
 * and the widget's `lang` follows, so Chinese and Japanese text is drawn with its own glyphs.
 */

const LANGUAGES = new Set(['zh-TW', 'ja', 'th']);
const loaded = new Map();

/** @param {HTMLElement} root @param {string} [language] the thread's language ('en', 'zh-TW', 'ja', 'th') */
export async function speak(root, language = 'en') {
  const lang = LANGUAGES.has(language) ? language : 'en';
  root.lang = lang;
  let words = {};
  if (lang !== 'en') {
    if (!loaded.has(lang)) loaded.set(lang, import(`../later/words-${lang}.js`).then((m) => m.WORDS));
    words = await loaded.get(lang);
    // Another language may have been asked for while these words loaded.
    if (root.lang !== lang) return;
  }
  for (const el of root.querySelectorAll('[data-w]')) {
    el.dataset.en ??= el.textContent;
    el.textContent = words[el.dataset.w] ?? el.dataset.en;
  }
}
