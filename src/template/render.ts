/**
 * The template stage: Handlebars templates (templates/*.hbs, partials in templates/partials/)
 * turn content data into the HTML/CSS subset. Templates are compiled once per process.
 * Strict mode makes a template that asks for a missing field fail with its line, instead of
 * printing an empty string onto a poster.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import Handlebars from 'handlebars';
import { userError } from '../diagnostics/diagnostic.js';
import { PROJECT_ROOT } from '../paths.js';
import { registerHelpers } from './helpers.js';

export interface RenderedTemplate {
  html: string;
  /** Template path relative to the working directory, for diagnostics. */
  file: string;
  /**
   * How many leading lines of the HTML are the template's own lines, unchanged: a position in
   * them is a position in the template. Below, {{#each}} and multi-line values shift lines.
   */
  exactLines: number;
}

export class TemplateEngine {
  private readonly hb = Handlebars.create();
  private readonly compiled = new Map<string, { render: Handlebars.TemplateDelegate; lines: string[] }>();

  constructor(readonly dir: string = join(PROJECT_ROOT, 'templates')) {
    registerHelpers(this.hb);
    const partials = join(dir, 'partials');
    if (existsSync(partials)) {
      for (const f of readdirSync(partials).filter((n) => n.endsWith('.hbs'))) {
        this.hb.registerPartial(f.slice(0, -4), readFileSync(join(partials, f), 'utf8'));
      }
    }
  }

  has(name: string): boolean {
    return existsSync(this.pathOf(name));
  }

  render(name: string, data: object): RenderedTemplate {
    const path = this.pathOf(name);
    const file = relative(process.cwd(), path) || path;
    if (!existsSync(path)) {
      throw userError({
        code: 'template/not-found',
        message: { ja: `テンプレート「${name}」が見つかりません。`, en: `Template "${name}" was not found.` },
        hint: { ja: `${relative(process.cwd(), this.dir)}/${name}.hbs を作成してください。`, en: `Create ${relative(process.cwd(), this.dir)}/${name}.hbs.` },
        file,
      });
    }
    let template = this.compiled.get(path);
    try {
      if (!template) {
        const source = readFileSync(path, 'utf8');
        template = { render: this.hb.compile(source, { strict: true, noEscape: false }), lines: source.split('\n') };
        this.compiled.set(path, template);
      }
      const html = template.render(data);
      return { html, file, exactLines: commonLeadingLines(template.lines, html) };
    } catch (e) {
      throw templateError(e, file);
    }
  }

  private pathOf(name: string): string {
    return join(this.dir, `${name}.hbs`);
  }
}

/** Handlebars reports "… - 12:4" (strict mode) or "Parse error on line 12" — keep the position. */
function templateError(e: unknown, file: string): Error {
  if (!(e instanceof Error)) return new Error(String(e));
  if ((e as { diagnostics?: unknown }).diagnostics) return e;
  const text = e.message;
  const strict = /^"([^"]+)" not defined in .* - (\d+):(\d+)/.exec(text);
  if (strict) {
    return userError({
      code: 'template/missing-field',
      message: {
        ja: `テンプレートが参照する「${strict[1]}」がデータにありません。`,
        en: `The template uses "${strict[1]}", which the content does not define.`,
      },
      hint: {
        ja: 'コンテンツ (YAML) にその項目を追加するか、テンプレートで {{#if}} を使ってください。',
        en: 'Add the field to the content (YAML), or guard it with {{#if}} in the template.',
      },
      file,
      line: Number(strict[2]),
      column: Number(strict[3]) + 1,
    });
  }
  const parse = /Parse error on line (\d+)/.exec(text) ?? /line (\d+)/.exec(text);
  return userError({
    code: 'template/syntax',
    message: { ja: `テンプレートの構文エラーです: ${text.split('\n')[0]}`, en: `Template syntax error: ${text.split('\n')[0]}` },
    hint: { ja: '{{ と }} の対応、{{#each}} と {{/each}} の対応を確認してください。', en: 'Check that every {{ has its }} and every {{#block}} its {{/block}}.' },
    file,
    ...(parse ? { line: Number(parse[1]) } : {}),
  });
}

function commonLeadingLines(templateLines: readonly string[], html: string): number {
  let n = 0;
  let start = 0;
  for (const line of templateLines) {
    const end = html.indexOf('\n', start);
    const out = end < 0 ? html.slice(start) : html.slice(start, end);
    if (out !== line) break;
    n++;
    if (end < 0) break;
    start = end + 1;
  }
  return n;
}
