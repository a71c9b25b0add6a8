/**
 * The gallery (`output/index.html`): every output of the last builds with a thumbnail, its
 * size, pages and languages, for the people who pick files to print or to put on the website.
 * A plain, self-contained and accessible page (lang, title, one table with a caption and
 * header cells, alt text); the thumbnails are PNG files beside it, made by the build.
 */
import { formatFileSize } from '../units.js';

export interface GalleryFile {
  /** "pdf" | "print" | "print-outlined" | "web" | "html" */
  flavour: string;
  /** Relative to the gallery page, forward slashes. */
  file: string;
  bytes: number;
}

/** One document (a product in one size) of one variant, with every file made of it. */
export interface GalleryEntry {
  /** e.g. "okayama", "okayama-kita". */
  variant: string;
  /** The variant's display name, e.g. 「北区役所」. */
  variantName?: string;
  /** The organisation's own folder (listed first), not one of its variants. */
  base?: boolean;
  product: string;
  /** e.g. "A3"; absent for products with one size. */
  size?: string;
  files: GalleryFile[];
  pages: number;
  /** Language ids (ja, easy-ja, en, zh-Hans, …) or BCP 47 tags of the document's text. */
  langs: string[];
  title?: string;
  /** Relative to the gallery page; absent when none was made. */
  thumbnail?: string;
  /** Draft translations are marked so nobody prints them unreviewed. */
  draft?: boolean;
}

const LANGUAGE_NAMES: Record<string, { name: string; tag: string }> = {
  ja: { name: '日本語', tag: 'ja' },
  'easy-ja': { name: 'やさしい日本語', tag: 'ja' },
  en: { name: 'English', tag: 'en' },
  'zh-Hans': { name: '简体中文', tag: 'zh-Hans' },
  'zh-Hant': { name: '繁體中文', tag: 'zh-Hant' },
  ko: { name: '한국어', tag: 'ko' },
  vi: { name: 'Tiếng Việt', tag: 'vi' },
};

const FLAVOURS: Record<string, string> = {
  pdf: '標準 / standard',
  print: '入稿用 / print',
  'print-outlined': '入稿用・文字アウトライン / print, outlined',
  web: '掲載用 / web (tagged)',
  html: 'ウェブページ / web page',
};

export function galleryHtml(entries: readonly GalleryEntry[], options: { title?: string } = {}): string {
  const title = options.title ?? '出力ファイル一覧 / Outputs';
  // The organisation itself first, then its variants by id.
  const variants = [...new Set(entries.map((e) => e.variant))].sort((a, b) => {
    const baseA = entries.some((e) => e.variant === a && e.base) ? 0 : 1;
    const baseB = entries.some((e) => e.variant === b && e.base) ? 0 : 1;
    return baseA - baseB || a.localeCompare(b);
  });
  const files = entries.reduce((n, e) => n + e.files.length, 0);
  const sections = variants.map((variant) => {
    const rows = entries.filter((e) => e.variant === variant);
    const name = rows[0]?.variantName ? `${rows[0].variantName}（${variant}）` : variant;
    return `<section aria-labelledby="v-${esc(variant)}">
<h2 id="v-${esc(variant)}">${esc(name)}</h2>
<table>
<caption>${esc(name)} の出力 / outputs of ${esc(variant)}</caption>
<thead><tr><th scope="col">見本 / Preview</th><th scope="col">文書 / Document</th><th scope="col">ファイル / Files</th><th scope="col">言語 / Language</th><th scope="col">ページ / Pages</th></tr></thead>
<tbody>
${rows.map(row).join('\n')}
</tbody>
</table>
</section>`;
  });
  return `<!doctype html>
<html lang="ja">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(title)}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<h1>${esc(title)}</h1>
<p>${entries.length} 文書・${files} ファイル / ${entries.length} documents, ${files} files. 「下書き」は翻訳の確認前です。印刷・掲載の前に確認してください。 / “Draft” translations are not reviewed yet: have them checked before printing or publishing.</p>
${sections.join('\n')}
</main>
</body>
</html>
`;
}

function row(e: GalleryEntry): string {
  const label = [e.product, e.size].filter(Boolean).join(' ');
  const thumb = e.thumbnail
    ? `<img src="${esc(e.thumbnail)}" alt="${esc(`${e.title ?? label} の1ページ目 / page 1`)}" loading="lazy">`
    : '—';
  const links = e.files
    .map((f) => `<li><a href="${esc(f.file)}">${esc(FLAVOURS[f.flavour] ?? f.flavour)}</a> <small>${esc(f.file.split('/').pop()!)}・${formatFileSize(f.bytes)}</small></li>`)
    .join('');
  const langs = e.langs.map((l) => {
    const known = LANGUAGE_NAMES[l];
    return `<span lang="${esc(known?.tag ?? l)}">${esc(known?.name ?? l)}</span>`;
  }).join('、');
  const draft = e.draft ? ' <strong class="draft">下書き / draft</strong>' : '';
  return `<tr><td>${thumb}</td><td>${esc(label)}${draft}${e.title ? `<br><small>${esc(e.title)}</small>` : ''}</td><td><ul>${links}</ul></td><td>${langs}</td><td>${e.pages}</td></tr>`;
}

function esc(s: string): string {
  return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

const CSS = `
body { font-family: "BIZ UDPGothic", "Hiragino Sans", "Noto Sans JP", "Yu Gothic", Meiryo, sans-serif; margin: 0; color: #1a1a1a; background: #fff; line-height: 1.6; }
main { max-width: 72rem; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.6rem; } h2 { font-size: 1.25rem; margin-top: 2rem; border-bottom: 2px solid #005aa0; }
table { border-collapse: collapse; width: 100%; } caption { text-align: left; font-size: .9rem; color: #444; padding: .25rem 0; }
th, td { border-bottom: 1px solid #ccc; padding: .4rem .5rem; text-align: left; vertical-align: middle; }
td img { max-height: 120px; max-width: 120px; border: 1px solid #999; display: block; }
td ul { list-style: none; margin: 0; padding: 0; } td li { margin: .15rem 0; } small { color: #444; }
a { color: #005aa0; overflow-wrap: anywhere; } .draft { color: #b00020; }
@media (max-width: 40rem) { thead { display: none; } tr { display: block; border-bottom: 1px solid #ccc; } td { display: block; border: 0; padding: .2rem 0; } }
`;
