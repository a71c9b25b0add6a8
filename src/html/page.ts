/**
 * What a standalone web page needs around the template's content: the screen stylesheet's
 * frame (the template UA's defaults before the template's own rules, the reading measure and
 * reflow rules after them), the head's metadata (charset, viewport, description, Open Graph)
 * and the links to the PDF files with their sizes.
 */
import { DomUtils } from 'htmlparser2';
import { Element, Text, type Document } from 'domhandler';
import { formatFileSize } from '../units.js';
import { appendTo, bodyOf, elements, ensureFooter } from './dom.js';

/** On screen every text is set in a UD Gothic stack; system fonts, nothing downloaded. */
const FONT_STACK = '"BIZ UDPGothic", "BIZ UDGothic", "Hiragino Sans", "Hiragino Kaku Gothic ProN", "Noto Sans JP", "Noto Sans CJK JP", "Yu Gothic", YuGothic, Meiryo, sans-serif';

/**
 * Other languages: a font stack of their own (Chinese and Korean in their own glyph forms, not
 * the Japanese ones; Vietnamese in a font with its diacritics), and Korean breaks between
 * words as the PDF does (src/text/language.ts), not between syllables.
 */
const LANGUAGE_CSS = [
  ':lang(zh-Hans){font-family:"Noto Sans SC","Noto Sans CJK SC","PingFang SC","Microsoft YaHei",sans-serif}',
  ':lang(zh-Hant){font-family:"Noto Sans TC","Noto Sans CJK TC","PingFang TC","Microsoft JhengHei",sans-serif}',
  ':lang(ko){font-family:"Noto Sans KR","Noto Sans CJK KR","Apple SD Gothic Neo","Malgun Gothic",sans-serif;word-break:keep-all}',
  ':lang(vi),:lang(en){font-family:"Noto Sans","Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif}',
].join('\n');

/** The template UA (src/markup/ua.ts) has no margins or heading sizes; the web page neither. */
export const BASE_CSS = `:root{color-scheme:light}
*,::before,::after{box-sizing:border-box}
html{font-family:${FONT_STACK};line-height:1.8;color:#000;background-color:#fff;-webkit-text-size-adjust:100%;text-size-adjust:100%;overflow-wrap:anywhere}
body,h1,h2,h3,h4,h5,h6,p,ul,ol,li,figure,figcaption{margin:0;padding:0}
h1,h2,h3,h4,h5,h6{font-size:1em}
${LANGUAGE_CSS}`;

/** After the template's rules: a column of 40 rem (40 characters) at most, nothing wider than the screen. */
export const FRAME_CSS = `body{max-width:42rem;margin:0 auto;padding:1.5rem 1rem 3rem;font-size:1rem;line-height:1.8;height:auto}
img,svg{max-width:100%}
img{height:auto}
@media (max-width:30em){h1{font-size:1.3rem}}
a{color:inherit;text-decoration:underline;text-underline-offset:0.2em}
a:focus-visible{outline:3px solid currentColor;outline-offset:2px}
body .kp-downloads{flex-basis:100%;margin:2em 0 0;padding:0;text-align:start;text-indent:0;list-style:none;font-family:inherit;font-size:1rem}`;

export interface Download {
  href: string;
  bytes: number;
  /** e.g. the paper size when there are several files. */
  label?: string;
}

export interface OgImage {
  href: string;
  width: number;
  height: number;
  alt: string;
}

export interface HeadInfo {
  /** BCP 47, from <html lang>. */
  lang: string;
  title: string;
  description: string;
  siteName?: string;
  ogImage?: OgImage;
}

/** The link text by the page's language (its primary subtag): Chinese and Japanese full-width brackets. */
const PDF_LINK: Record<string, { name: string; open: string; close: string }> = {
  ja: { name: 'PDF版', open: '（', close: '）' },
  zh: { name: 'PDF版', open: '（', close: '）' },
  en: { name: 'PDF version', open: ' (', close: ')' },
  ko: { name: 'PDF 파일', open: ' (', close: ')' },
  vi: { name: 'Bản PDF', open: ' (', close: ')' },
};

/** 「PDF版（106 KB）」 at the end of the footer; a list when there are several files. */
export function addDownloads(doc: Document, downloads: readonly Download[], lang: string): void {
  if (downloads.length === 0) return;
  const words = PDF_LINK[lang.split('-')[0]!.toLowerCase()] ?? PDF_LINK.en!;
  const link = (d: Download) =>
    new Element('a', { href: d.href, type: 'application/pdf' }, [
      new Text(`${words.name}${d.label ? ` ${d.label}` : ''}${words.open}${formatFileSize(d.bytes)}${words.close}`),
    ]);
  const block = downloads.length === 1
    ? new Element('p', { class: 'kp-downloads' }, [link(downloads[0]!)])
    : new Element('ul', { class: 'kp-downloads' }, downloads.map((d) => new Element('li', {}, [link(d)])));
  appendTo(ensureFooter(doc), block);
}

export function addHead(doc: Document, info: HeadInfo): void {
  const head = elements(doc, 'head')[0];
  if (!head) throw new Error('the rendered template has no <head>');
  const meta = (attribs: Record<string, string>) => new Element('meta', attribs);
  const og = (property: string, content: string) => meta({ property, content });
  const first = [meta({ charset: 'utf-8' }), meta({ name: 'viewport', content: 'width=device-width, initial-scale=1' })];
  for (const m of first.reverse()) DomUtils.prependChild(head, m);
  const rest = [
    meta({ name: 'description', content: info.description }),
    og('og:type', 'article'),
    og('og:title', info.title),
    og('og:description', info.description),
    ...(ogLocale(info.lang) ? [og('og:locale', ogLocale(info.lang)!)] : []),
    ...(info.siteName ? [og('og:site_name', info.siteName)] : []),
    ...(info.ogImage
      ? [
          og('og:image', info.ogImage.href),
          og('og:image:type', 'image/png'),
          og('og:image:width', String(info.ogImage.width)),
          og('og:image:height', String(info.ogImage.height)),
          og('og:image:alt', info.ogImage.alt),
          meta({ name: 'twitter:card', content: 'summary_large_image' }),
        ]
      : []),
  ];
  const title = elements(head, 'title')[0];
  let after: Element = title ?? first[0]!;
  for (const m of rest) {
    DomUtils.append(after, m);
    after = m;
  }
}

/** ja → ja_JP, zh-TW → zh_TW; a bare language other than Japanese has no one obvious region. */
function ogLocale(lang: string): string | undefined {
  const [language, region] = lang.split('-');
  if (region && /^[A-Za-z]{2}$/.test(region)) return `${language!.toLowerCase()}_${region.toUpperCase()}`;
  return language?.toLowerCase() === 'ja' ? 'ja_JP' : undefined;
}

/** The first real paragraph, cut at a sentence end within 120 characters; else the title. */
export function describe(doc: Document, title: string): string {
  const paragraphs = elements(bodyOf(doc), 'p').map((p) => DomUtils.textContent(p).replace(/\s+/g, ' ').trim());
  const text = paragraphs.find((t) => t.length >= 30);
  if (!text) return title;
  if (text.length <= 120) return text;
  const cut = text.lastIndexOf('。', 119);
  if (cut >= 30) return text.slice(0, cut + 1);
  // Never between the two halves of a surrogate pair (an emoji, a rare kanji): a lone half is not text.
  const end = /[\uD800-\uDBFF]/.test(text[118]!) ? 118 : 119;
  return `${text.slice(0, end)}…`;
}
