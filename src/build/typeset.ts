/**
 * `kasuhara-press typeset FILE.md`: any Markdown prose through the policy template, at a
 * chosen measure, to a PDF and (optionally) a JSON list of every paragraph's lines — so that
 * line breaking can be reviewed on text the composer was never tuned on.
 *
 * The Markdown is read by the content stage's policy parser, with its restrictions (headings,
 * paragraphs, lists, emphasis). A file with policy front matter (title, date, signer) prints
 * them as the policy does; a file without it is set as body text only. With a measure, the
 * page is made exactly as wide as the measure plus its side margins, so the text column is
 * the measure; without one, the layout is the normal A4 policy.
 */
import { PT_PER_MM } from '../units.js';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { DiagnosticBag, UserInputError, userError, type Diagnostic, type Localized } from '../diagnostics/diagnostic.js';
import { suggest } from '../diagnostics/suggest.js';
import { displayPath, parsePolicy, type Policy, type PolicyBlock } from '../content/index.js';
import { defaultFontRegistry } from '../fonts/registry.js';
import { layoutDocument } from '../layout/index.js';
import type { DisplayDocument } from '../layout/display-list.js';
import { parseMarkup } from '../markup/index.js';
import { renderPdf } from '../render/pdf/index.js';
import { sharedEngines } from './build.js';
import { documentDate } from './date.js';
import { loadTheme } from './theme.js';
import { writeAllAtomic } from './write.js';

/** 1em of --measure: the policy template's body font size (templates/policy.hbs). */
export const POLICY_EM = 10.5;
const MM = PT_PER_MM;
/** Left and right page margin when a measure is given (the policy's own margin). */
const SIDE_MARGIN = 22 * MM;
const MIN_MEASURE = 5 * POLICY_EM;
const MAX_MEASURE = 1000 * MM;
const UNITS: Record<string, number> = { em: POLICY_EM, 字: POLICY_EM, pt: 1, mm: MM, cm: 10 * MM, q: MM / 4, in: 72 };

export interface Measure {
  /** As written, e.g. "22em". */
  text: string;
  pt: number;
}

export interface TypesetRequest {
  cwd: string;
  /** The Markdown file. */
  file: string;
  /** e.g. "22em", "120mm"; default: the A4 policy's own column. */
  measure?: string;
  /** Default: the Markdown file's name with .pdf, beside it. */
  out?: string;
  /** Where to write the lines as JSON; none when absent. */
  lines?: string;
  env?: NodeJS.ProcessEnv;
}

/** One paragraph (heading, paragraph, list item, title …) as it was set. */
export interface TypesetParagraph {
  /** `file:line` of the block in the Markdown (or of the front-matter field). */
  source: string;
  /** The element that printed it, e.g. "p", "li", "h2". */
  element: string;
  kind?: PolicyBlock['kind'];
  /** The block's text, as parsed from the Markdown. */
  text?: string;
  lines: string[];
}

export interface TypesetLines {
  file: string;
  measure: string | null;
  measurePt: number;
  pages: number;
  paragraphs: TypesetParagraph[];
}

export interface TypesetResult {
  outputs: { file: string; bytes: number; pages?: number; ms: number }[];
  lines: TypesetLines;
  diagnostics: Diagnostic[];
}

const MEASURE_HINT: Localized = {
  ja: '本文の文字数（22em または 22字。1em = 10.5pt）か長さ（120mm、12cm、480Q、340pt、4.7in）で指定してください。範囲は 5em〜1000mm です。',
  en: 'Give a number of body characters (22em; 1em = 10.5 pt) or a length (120mm, 12cm, 480Q, 340pt, 4.7in), between 5em and 1000mm.',
};

/** "22em" / "120mm" → points; throws a user error for anything else. */
export function parseMeasure(text: string): Measure {
  const m = /^\s*(\d+(?:\.\d+)?|\.\d+)\s*(em|字|pt|mm|cm|q|in)\s*$/i.exec(text);
  const pt = m ? Number(m[1]) * UNITS[m[2]!.toLowerCase()]! : NaN;
  if (!m || !(pt >= MIN_MEASURE - 1e-9 && pt <= MAX_MEASURE + 1e-9)) {
    throw userError({
      code: 'cli/bad-measure',
      message: m
        ? { ja: `--measure「${text}」は狭すぎるか広すぎます。`, en: `--measure ${text} is too narrow or too wide.` }
        : { ja: `--measure の値「${text}」は使えません。`, en: `--measure cannot be "${text}".` },
      hint: MEASURE_HINT,
    });
  }
  return { text: text.trim(), pt };
}

/** The Markdown file as a policy: its front matter, or a stand-in when it has none. */
export function parseProse(text: string, file: string, bag: DiagnosticBag): { policy: Policy; untitled: boolean } | undefined {
  const body = text.replace(/^\uFEFF/, '');
  if (body.split(/\r\n|\n|\r/, 1)[0]!.trimEnd() === '---') {
    const policy = parsePolicy(body, file, bag);
    return policy ? { policy, untitled: false } : undefined;
  }
  // No front matter: parse behind a stand-in one, then move every line number back.
  const standIn = '---\n{title: x, date: "2000-01-01", signer: {title: x, name: x}}\n---\n';
  const shift = 3;
  const own = new DiagnosticBag();
  const parsed = parsePolicy(standIn + body, file, own);
  for (const d of own.items) bag.add(d.file === file && d.line !== undefined ? { ...d, line: d.line - shift } : d);
  if (!parsed) return undefined;
  const policy: Policy = {
    ...parsed,
    title: basename(file, extname(file)),
    html: parsed.html.replace(/ data-src="([^"]*):(\d+)"/g, (_, f: string, n: string) => ` data-src="${f}:${Number(n) - shift}"`),
    blocks: parsed.blocks.map((b) => ({ ...b, line: b.line - shift })),
    sources: {},
  };
  return { policy, untitled: true };
}

/** Lays the prose out through templates/policy.hbs; the measure (pt) sets the column width. */
export function layoutProse(
  prose: { policy: Policy; untitled: boolean },
  measure: number | undefined,
  bag: DiagnosticBag,
  env: NodeJS.ProcessEnv,
): DisplayDocument {
  // The same compiled templates and icons as every other build in this process.
  const { templates, icons } = sharedEngines();
  const { policy, untitled } = prose;
  const data = {
    lang: 'ja',
    policy: { ...policy, html: inlineSources(policy.html) },
    theme: loadTheme(templates.dir, undefined),
    sources: { policy: policy.sources },
    untitled,
    ...(measure !== undefined ? { column: { pageWidth: `${measure + 2 * SIDE_MARGIN}pt`, margin: `${SIDE_MARGIN}pt` } } : {}),
  };
  const rendered = templates.render('policy', data);
  const styled = parseMarkup(rendered.html, { file: rendered.file });
  styled.diagnostics.forEach((d) => bag.add(d));
  return layoutDocument(styled, {
    fonts: defaultFontRegistry(),
    icons,
    date: documentDate(env, untitled ? undefined : policy.date),
    file: rendered.file,
    diagnostics: bag,
  });
}

/**
 * Emphasis inside a block gets the block's data-src too, so every run of a paragraph names
 * the same source and its lines can be gathered from the display list.
 */
function inlineSources(html: string): string {
  let current: string | undefined;
  return html.replace(/<([a-z][a-z0-9]*)([^>]*)>/g, (tag, name: string, attrs: string) => {
    const src = / data-src="[^"]*"/.exec(attrs)?.[0];
    if (src) current = src;
    else if ((name === 'strong' || name === 'em') && current) return `<${name}${current}${attrs}>`;
    return tag;
  });
}

const INLINE = /^(strong|em|b|span|small)\b/;

function blockElement(block: PolicyBlock): string {
  return block.kind === 'heading' ? `h${block.level}` : block.kind === 'list-item' ? 'li' : 'p';
}

/**
 * Every paragraph's lines, read back from the display list: glyph runs are grouped by the
 * source they print (data-src) and, within it, by page and baseline. Decorations (list
 * markers, page numbers) are not text of the paragraph.
 */
export function paragraphLines(display: DisplayDocument, blocks: readonly PolicyBlock[] = []): TypesetParagraph[] {
  const groups = new Map<string, { element: string; file: string; line: number; lines: Map<string, string> }>();
  display.pages.forEach((page, p) => {
    for (const item of page.items) {
      const o = item.origin;
      if (item.kind !== 'glyphs' || !o || o.decorative || o.file === undefined || o.line === undefined) continue;
      const key = `${o.file}:${o.line}`;
      let g = groups.get(key);
      if (!g) groups.set(key, (g = { element: o.element, file: o.file, line: o.line, lines: new Map() }));
      if (INLINE.test(g.element)) g.element = o.element;
      const at = `${p}:${item.y.toFixed(3)}`;
      g.lines.set(at, (g.lines.get(at) ?? '') + item.glyphs.map((x) => x.text).join(''));
    }
  });
  const byLine = new Map(blocks.map((b) => [b.line, b]));
  return [...groups.values()].map((g) => {
    const block = byLine.get(g.line);
    // A paragraph that is all emphasis only saw <strong>: name the block instead.
    const element = block && INLINE.test(g.element) ? blockElement(block) : g.element;
    return {
      source: `${g.file}:${g.line}`,
      element,
      ...(block ? { kind: block.kind, text: block.text } : {}),
      lines: [...g.lines.values()],
    };
  });
}

/** Reads, typesets and writes; every file is written only when all of them succeeded. */
export async function typeset(request: TypesetRequest): Promise<TypesetResult> {
  const started = performance.now();
  const env = request.env ?? process.env;
  const abs = resolve(request.cwd, request.file);
  const file = displayPath(abs, request.cwd);
  const measure = request.measure !== undefined ? parseMeasure(request.measure) : undefined;
  const outPath = resolve(request.cwd, request.out ?? join(dirname(request.file), `${basename(request.file, extname(request.file))}.pdf`));
  const linesPath = request.lines !== undefined ? resolve(request.cwd, request.lines) : undefined;
  for (const target of [outPath, linesPath]) {
    if (target === abs) throw overwritesInput(file);
  }
  const text = readProseFile(abs, request.file);
  const bag = new DiagnosticBag();
  const prose = parseProse(text, file, bag);
  bag.throwIfErrors();
  if (!prose || prose.policy.blocks.length === 0) throw nothingToSet(file);
  const display = layoutProse(prose, measure?.pt, bag, env);
  bag.throwIfErrors();
  const bytes = await renderPdf(display, { id: `typeset/${file}` });
  const lines: TypesetLines = {
    file,
    measure: measure?.text ?? null,
    measurePt: measure?.pt ?? display.pages[0]!.width - 2 * SIDE_MARGIN,
    pages: display.pages.length,
    paragraphs: paragraphLines(display, prose.policy.blocks),
  };
  const files = [{ path: outPath, bytes }];
  const json = linesPath ? new TextEncoder().encode(`${JSON.stringify(lines, null, 2)}\n`) : undefined;
  if (linesPath && json) files.push({ path: linesPath, bytes: json });
  await writeAllAtomic(files);
  const ms = performance.now() - started;
  return {
    outputs: files.map((f, i) => ({ file: displayPath(f.path, request.cwd), bytes: f.bytes.length, ...(i === 0 ? { pages: display.pages.length } : {}), ms })),
    lines,
    diagnostics: bag.items,
  };
}

function readProseFile(abs: string, given: string): string {
  const stat = statSync(abs, { throwIfNoEntry: false });
  if (stat?.isFile()) return readFileSync(abs, 'utf8');
  if (stat?.isDirectory()) {
    throw userError({
      code: 'typeset/not-a-file',
      message: { ja: `「${given}」はファイルではなくフォルダです。`, en: `${given} is a folder, not a file.` },
      hint: { ja: '組版する Markdown ファイル（.md）を指定してください。', en: 'Name the Markdown file (.md) to typeset.' },
    });
  }
  let siblings: string[] = [];
  try {
    siblings = readdirSync(dirname(abs), { withFileTypes: true }).filter((e) => e.isFile()).map((e) => e.name);
  } catch {
    // The folder does not exist either: no suggestion.
  }
  const guess = suggest(basename(abs), siblings);
  const shown = guess ? join(dirname(given), guess) : undefined;
  throw userError({
    code: 'typeset/missing-file',
    message: { ja: `ファイル「${given}」がありません。`, en: `The file ${given} does not exist.` },
    hint: shown
      ? { ja: `「${shown}」のことですか？`, en: `Did you mean ${shown}?` }
      : { ja: '組版する Markdown ファイル（.md）のパスを確認してください。', en: 'Check the path of the Markdown file (.md) to typeset.' },
  });
}

function overwritesInput(file: string): UserInputError {
  return userError({
    code: 'typeset/overwrites-input',
    message: { ja: `出力先が入力ファイル「${file}」と同じです。`, en: `The output would overwrite the input file ${file}.` },
    hint: { ja: '--out と --lines には別のファイル名を指定してください。', en: 'Give --out and --lines other file names.' },
    file,
  });
}

function nothingToSet(file: string): UserInputError {
  return userError({
    code: 'typeset/empty',
    message: { ja: 'このファイルには組版する本文がありません。', en: 'This file has no text to typeset.' },
    hint: { ja: '段落・見出し・箇条書きを Markdown で書いてください。', en: 'Write paragraphs, headings or lists in Markdown.' },
    file,
  });
}
