/**
 * The gallery (`output/index.html`): every output of the last builds with a thumbnail, its
 * size, pages and languages, for the people who pick files to print or to put on the website.
 * A plain, self-contained and accessible page (lang, title, one table with a caption and
 * header cells, alt text); the thumbnails are PNG files beside it, made by the build.
 */
import { formatFileSize } from '../units.js';

export interface GalleryEntry {
  /** e.g. "okayama", "okayama-kita". */
  variant: string;
  /** The variant's display name, e.g. 「北区役所」. */
  variantName?: string;
  product: string;
  /** e.g. "A3"; absent for products with one size. */
  size?: string;
  /** "plain" | "print" | "web" | "html" | … */
  flavour: string;
  /** Relative to the gallery page, forward slashes. */
  file: string;
  bytes: number;
  pages: number;
  /** BCP 47 tags of the document's languages. */
  langs: string[];
  title?: string;
  /** Relative to the gallery page; absent when none was made. */
  thumbnail?: string;
  /** Draft translations are marked so nobody prints them unreviewed. */
  draft?: boolean;
}

const LANGUAGE_NAMES: Record<string, string> = {
  ja: '日本語',
  'ja-x-easy': 'やさしい日本語',
  en: 'English',
  'zh-Hans': '简体中文',
  'zh-Hant': '繁體中文',
  ko: '한국어',
  vi: 'Tiếng Việt',
};

const FLAVOURS: Record<string, string> = {
  plain: '標準 / standard',
  print: '入稿用 / print (PDF/X-1a)',
  'print-outlined': '入稿用・アウトライン / print, outlined',
  web: '掲載用 / web (tagged PDF)',
  html: 'ウェブページ / web page',
};

function languageName(tag: string): string {
  return LANGUAGE_NAMES[tag] ?? tag;
}

export function galleryHtml(entries: readonly GalleryEntry[], options: { title?: string } = {}): string {
  const title = options.title ?? '出力ファイル一覧 / Outputs';
  const variants = [...new Set(entries.map((e) => e.variant))];
  const sections = variants.map((variant) => {
    const rows = entries.filter((e) => e.variant === variant);
    const name = rows[0]?.variantName ? `${rows[0].variantName}（${variant}）` : variant;
    return `<section aria-labelledby="v-${esc(variant)}">
<h2 id="v-${esc(variant)}">${esc(name)}</h2>
<table>
<caption>${esc(name)} の出力 / outputs of ${esc(variant)}</caption>
<thead><tr><th scope="col">見本 / Preview</th><th scope="col">ファイル / File</th><th scope="col">種類 / Kind</th><th scope="col">言語 / Language</th><th scope="col">ページ / Pages</th><th scope="col">大きさ / Size</th></tr></thead>
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
<p>${entries.length} 件 / ${entries.length} files. 「下書き」は翻訳の確認前です。印刷・掲載の前に確認してください。 / “Draft” translations are not reviewed yet: have them checked before printing or publishing.</p>
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
  const langs = e.langs.map((l) => `<span lang="${esc(l.replace('-x-easy', ''))}">${esc(languageName(l))}</span>`).join('、');
  return `<tr><td>${thumb}</td><td><a href="${esc(e.file)}">${esc(e.file.split('/').pop()!)}</a><br><small>${esc(label)}</small></td><td>${esc(FLAVOURS[e.flavour] ?? e.flavour)}${e.draft ? ' <strong class="draft">下書き / draft</strong>' : ''}</td><td>${langs}</td><td>${e.pages}</td><td>${formatFileSize(e.bytes)}</td></tr>`;
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
td img { max-height: 96px; max-width: 120px; border: 1px solid #999; display: block; }
a { color: #005aa0; overflow-wrap: anywhere; } .draft { color: #b00020; }
@media (max-width: 40rem) { thead { display: none; } tr { display: block; border-bottom: 1px solid #ccc; } td { display: block; border: 0; padding: .2rem 0; } }
`;
