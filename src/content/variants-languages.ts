/**
 * The languages a variant can be written in. `id` is ours (easy-ja is not a BCP 47 tag of its
 * own); `html` is the BCP 47 tag templates write into <html lang>, which picks fonts and
 * line-breaking rules downstream. やさしい日本語 is Japanese (`ja`) that needs a reading over
 * every kanji, so the build checks its furigana.
 */
import type { Localized } from '../diagnostics/diagnostic.js';

export interface Language {
  html: string;
  name: Localized;
  /** Every kanji must carry a reviewed reading (src/furigana/check.ts). */
  furigana: boolean;
}

export const LANGUAGES = {
  ja: { html: 'ja', name: { ja: '日本語', en: 'Japanese' }, furigana: false },
  'easy-ja': { html: 'ja', name: { ja: 'やさしい日本語', en: 'Easy Japanese' }, furigana: true },
  en: { html: 'en', name: { ja: '英語', en: 'English' }, furigana: false },
  'zh-Hans': { html: 'zh-Hans', name: { ja: '中国語（簡体字）', en: 'Chinese (Simplified)' }, furigana: false },
  'zh-Hant': { html: 'zh-Hant', name: { ja: '中国語（繁体字）', en: 'Chinese (Traditional)' }, furigana: false },
  ko: { html: 'ko', name: { ja: '韓国語', en: 'Korean' }, furigana: false },
  vi: { html: 'vi', name: { ja: 'ベトナム語', en: 'Vietnamese' }, furigana: false },
} as const satisfies Record<string, Language>;

export type LanguageId = keyof typeof LANGUAGES;
export const LANGUAGE_IDS = Object.keys(LANGUAGES) as [LanguageId, ...LanguageId[]];

/** The language of an organisation's own files (organisation.yaml, poster.yaml, policy.md). */
export const BASE_LANGUAGE: LanguageId = 'ja';
