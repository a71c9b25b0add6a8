/**
 * Explicit ruby (furigana) markup in content text: `{漢字|かんじ}`. A reading with dots,
 * `{漢字|かん.じ}`, gives one reading per base character (jukugo ruby, which may break
 * between characters); without dots the reading spans the whole base (group ruby).
 * Text is escaped first, so markup never lets HTML through.
 */

/** One marked word: `{base|reading}`. Neither part may contain braces, "|" or a line break. */
export const RUBY_MARKUP = /\{([^{}|\n]+)\|([^{}|\n]+)\}/gu;

/**
 * Kanji, and the marks 々 and 〆 that stand for kanji: what needs a reading in やさしい日本語.
 * ヶ (一ヶ月) is katakana and is not counted; alignReading (propose.ts) keeps it inside the
 * kanji run only because its sound (か, が) cannot be matched against the reading on its own.
 */
export const KANJI = /[\p{Script=Han}々〆]/u;
const KANJI_RUN = /[\p{Script=Han}々〆]+/gu;

/** `{漢字|かんじ}` → `<ruby>漢字<rt>かんじ</rt></ruby>`; the rest of the text is escaped. */
export function rubyHtml(text: string, escape: (s: string) => string): string {
  return escape(text).replace(RUBY_MARKUP, (_m, base: string, reading: string) => {
    const chars = [...base];
    const parts = reading.split('.');
    if (parts.length > 1 && parts.length === chars.length && parts.every((p) => p !== '')) {
      return `<ruby>${chars.map((c, i) => `${c}<rt>${parts[i]}</rt>`).join('')}</ruby>`;
    }
    return `<ruby>${base}<rt>${reading.replaceAll('.', '')}</rt></ruby>`;
  });
}

/** The text as read without readings: `{漢字|かんじ}` → `漢字` (for titles and attributes). */
export function stripRuby(text: string): string {
  return text.replace(RUBY_MARKUP, (_m, base: string) => base);
}

export interface UnmarkedKanji {
  /** The run of kanji, e.g. 暴言. */
  text: string;
  /** Character offset in the text as written (markup included). */
  index: number;
}

/** Runs of kanji that are not the base of a `{…|…}`: each still needs a reading. */
export function unmarkedKanji(text: string): UnmarkedKanji[] {
  const out: UnmarkedKanji[] = [];
  let last = 0;
  const scan = (from: number, to: number) => {
    for (const m of text.slice(from, to).matchAll(KANJI_RUN)) out.push({ text: m[0], index: from + m.index });
  };
  for (const m of text.matchAll(RUBY_MARKUP)) {
    scan(last, m.index);
    last = m.index + m[0].length;
  }
  scan(last, text.length);
  return out;
}

/** Wraps every unmarked occurrence of `word` in `{word|reading}` (a reviewed reading). */
export function applyReading(text: string, word: string, reading: string): string {
  let out = '';
  let last = 0;
  const wrap = (s: string) => s.split(word).join(`{${word}|${reading}}`);
  for (const m of text.matchAll(RUBY_MARKUP)) {
    out += wrap(text.slice(last, m.index)) + m[0];
    last = m.index + m[0].length;
  }
  return out + wrap(text.slice(last));
}
