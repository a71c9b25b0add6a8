import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { TemplateEngine } from '../../src/template/render.js';
import type { UserInputError } from '../../src/diagnostics/diagnostic.js';

function engineWith(files: Record<string, string>): TemplateEngine {
  const dir = mkdtempSync(join(tmpdir(), 'kp-templates-'));
  mkdirSync(join(dir, 'partials'));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return new TemplateEngine(dir);
}

function thrown(f: () => unknown): UserInputError {
  try {
    f();
  } catch (e) {
    return e as UserInputError;
  }
  throw new Error('expected an error');
}

describe('template stage', () => {
  it('renders with the helpers: 和暦 dates, emphasised quotations, data-src of content fields', () => {
    const t = engineWith({
      'x.hbs': '<p{{{src "poster" "headline"}}}>{{emphasize headline}}</p><p>{{wareki date}}</p>',
    });
    const { html } = t.render('x', {
      headline: 'それって「カスハラ」かも？',
      date: '2025-08-29',
      sources: { poster: { headline: 'content/x/poster.yaml:4' } },
    });
    expect(html).toBe(
      '<p data-src="content/x/poster.yaml:4#headline">それって<span class="key">「カスハラ」</span>かも？</p><p>令和7年8月29日</p>',
    );
  });

  it('escapes content: markup in a YAML value is printed as text, not parsed', () => {
    const t = engineWith({ 'x.hbs': '<p>{{emphasize v}}</p>' });
    expect(t.render('x', { v: '<b>「a」</b>' }).html).toBe('<p>&lt;b&gt;<span class="key">「a」</span>&lt;/b&gt;</p>');
  });

  it('counts the leading lines that are still the template’s own (positions there are exact)', () => {
    const t = engineWith({ 'x.hbs': 'a\nb\n{{#each items}}\n<li>{{this}}</li>\n{{/each}}\nz\n' });
    const r = t.render('x', { items: ['1', '2'] });
    expect(r.exactLines).toBe(2);
    expect(t.render('x', { items: [] }).exactLines).toBe(2);
  });

  it('a field the content lacks is an error at the template line and column (strict mode)', () => {
    const t = engineWith({ 'x.hbs': '<p>ok</p>\n<p>{{poster.missing}}</p>' });
    const e = thrown(() => t.render('x', { poster: {} }));
    expect(e.diagnostics[0]).toMatchObject({ code: 'template/missing-field', line: 2 });
    expect(e.diagnostics[0]!.message.en).toBe('The template uses "missing", which the content does not define.');
  });

  it('a syntax error names the template line', () => {
    const t = engineWith({ 'x.hbs': '<p>\n{{#each items}}\n<li>' });
    const e = thrown(() => t.render('x', { items: [] }));
    expect(e.diagnostics[0]).toMatchObject({ code: 'template/syntax' });
    expect(e.diagnostics[0]!.file).toMatch(/x\.hbs$/);
  });

  it('an unknown template is an error that says which file to create', () => {
    const t = engineWith({});
    const e = thrown(() => t.render('handout', {}));
    expect(e.diagnostics[0]).toMatchObject({ code: 'template/not-found' });
    expect(e.diagnostics[0]!.hint!.en).toMatch(/handout\.hbs/);
  });
});
