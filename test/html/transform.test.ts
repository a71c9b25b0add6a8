/** The print → screen transforms of src/html on small inputs. */
import { describe, expect, it } from 'vitest';
import { cmykToRgb, webStylesheet } from '../../src/html/css.js';
import { exportHtml } from '../../src/html/index.js';
import { IconRegistry } from '../../src/icons/registry.js';
import { headingLevels, readPage } from './support.js';

const A4 = { width: 595.28, height: 841.89 };
const css = (text: string) => webStylesheet(text, { page: A4 });

describe('webStylesheet', () => {
  it('drops @page, -kp-* and print-only properties', () => {
    const out = css('@page { size: A4; @bottom-center { content: counter(page) } } h1 { -kp-fit-min-size: 4vw; break-after: avoid; orphans: 2; color: red }');
    expect(out).toBe('h1{color:red}');
  });

  it('absolute lengths become rem with the template\'s 10.5 pt as 1 rem; text never below 14 px', () => {
    expect(css('p { margin: 10.5pt 21pt; font-size: 21pt }')).toBe('p{margin:1rem 2rem;font-size:2rem}');
    expect(css('h1 { padding-bottom: 6mm }')).toBe('h1{padding-bottom:1.62rem}');
    expect(css('small { font-size: 6pt }')).toBe('small{font-size:0.875rem}');
  });

  it('page-relative lengths shrink with a narrow screen, text at most to half its size', () => {
    expect(css('.a { padding: 7vw }')).toBe('.a{padding:min(2.8rem, 6.3vw)}');
    expect(css('.a { font-size: 5.6vw }')).toBe('.a{font-size:clamp(1.12rem, 5.04vw, 2.24rem)}');
    expect(css('.a { font-size: 1.9vw }')).toBe('.a{font-size:0.875rem}');
  });

  it('nothing forces a horizontal scroll: nowrap becomes phrase breaks, page-height boxes go, flex rows wrap', () => {
    expect(css('.u { white-space: nowrap }')).toBe('.u{word-break:auto-phrase}');
    expect(css('body { height: 100vh; display: flex; flex-direction: column }')).toBe('body{display:flex;flex-direction:column}');
    expect(css('ul { display: flex; flex-direction: row }')).toBe('ul{display:flex;flex-direction:row;flex-wrap:wrap}');
  });

  it('fonts are the page\'s; kp-icon selectors follow the icon to its SVG; DeviceCMYK becomes sRGB', () => {
    expect(css('body { font-family: "BIZ UDPMincho", serif; color: #111 }')).toBe('body{color:#111}');
    expect(css('kp-icon.check { width: 1em }')).toBe('.kp-icon.check{width:1em}');
    expect(cmykToRgb('device-cmyk(0 0 0 1)')).toBe('rgb(0 0 0)');
    expect(cmykToRgb('device-cmyk(100% 0% 0% 0%)')).toBe('rgb(0 255 255)');
  });
});

describe('exportHtml', () => {
  const icons = new IconRegistry();
  const page = (body: string) =>
    readPage(exportHtml({
      html: `<!doctype html><html lang="ja"><head><title>T</title><style>p { margin: 1mm }</style></head><body>${body}</body></html>`,
      page: A4,
      icon: (n) => icons.get(n),
      downloads: [{ href: 'x.pdf', bytes: 2048 }],
    }));

  it('heading levels: a level below a skipped one moves up, its siblings with it', () => {
    const p = page('<h1>a</h1><h2>b</h2><h4>c</h4><p>…</p><h4>d</h4><h3>e</h3><h2>f</h2><h3>g</h3><h4>h</h4>');
    expect(headingLevels(p)).toEqual([1, 2, 3, 3, 3, 2, 3, 4]);
  });

  it('wraps the content in <main> when the template has none, and adds a footer with the PDF link', () => {
    const p = page('<h1>a</h1><p>b</p>');
    expect(p.all('body > main > h1')).toHaveLength(1);
    expect(p.text(p.all('body > footer a'))).toBe('PDF版（2 KB）');
  });

  it('URLs in text become links; data-src goes; ruby stays ruby', () => {
    const p = page('<h1 data-src="x:1">a</h1><p>全文は https://example.jp/a?b=1 にあります。<ruby>岡山<rt>おかやま</rt></ruby></p>');
    expect(p.all('a[href="https://example.jp/a?b=1"]').map((a) => p.text(a))).toEqual(['https://example.jp/a?b=1']);
    expect(p.all('[data-src]')).toHaveLength(0);
    expect(p.all('p > ruby > rt').map((rt) => p.text(rt))).toEqual(['おかやま']);
  });

  it('a "</style" inside a CSS string cannot end the stylesheet and turn the rest into markup', () => {
    // css-tree decodes the escape \3C to "<" and writes the string back unescaped.
    const html = exportHtml({
      html: '<!doctype html><html lang="ja"><head><title>T</title><style>p::after { content: "\\3C/style><script>alert(1)</script>" }</style></head><body><p>本文</p></body></html>',
      page: A4,
      icon: (n) => icons.get(n),
      downloads: [],
    });
    const p = readPage(html);
    expect(p.all('script')).toHaveLength(0);
    expect(p.all('style')).toHaveLength(1);
    expect(p.text(p.all('body p'))).toBe('本文');
  });

  it('cuts a long description without splitting a surrogate pair', () => {
    const text = `${'あ'.repeat(118)}😀${'い'.repeat(20)}`;
    const p = page(`<h1>a</h1><p>${text}</p>`);
    const description = p.one('meta[name="description"]')!.attribs.content!;
    expect(description).toBe(`${'あ'.repeat(118)}…`);
    expect(description).not.toMatch(/[\uD800-\uDFFF]/u); // no unpaired surrogate
  });

  it('an icon with a label is an img with that name; without, it is hidden; a QR code becomes its link', () => {
    const p = page('<h1>a</h1><kp-icon name="check" label="確認"></kp-icon><kp-icon name="check"></kp-icon><kp-qr value="https://example.jp/q"></kp-qr>');
    expect(p.all('svg[role="img"][aria-label="確認"] path').length).toBeGreaterThan(0);
    expect(p.all('svg[aria-hidden="true"]')).toHaveLength(1);
    expect(p.all('kp-qr, kp-icon')).toHaveLength(0);
    expect(p.all('footer a[href="https://example.jp/q"]')).toHaveLength(1);
  });
});
