/**
 * `kasuhara-press init <dir>`: the scaffold builds at once (placeholders are valid content),
 * carries the MHLW checklist, and init never overwrites anything. Everything runs through the
 * CLI entry point in-process, in temporary folders; PDFs are read with pdf.js only.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../src/cli/main.js';
import { loadContent } from '../../src/content/index.js';
import { INIT_FILES, INIT_TEMPLATES_DIR, PLACEHOLDER_NAME } from '../../src/init/scaffold.js';
import { extractPdfText } from '../helpers/pdfText.js';
import { OKAYAMA_DIR, squash, tempDir } from '../build/support.js';

interface CliRun {
  code: number;
  out: string[];
  err: string[];
}

let root: string;
beforeAll(() => {
  root = tempDir('kp-init-');
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function cli(args: string[], lang: 'ja' | 'en' = 'en'): Promise<CliRun> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await run([...args, '--lang', lang], { out: (l) => out.push(l), err: (l) => err.push(l), env: { LANG: 'C' }, cwd: root });
  return { code, out, err };
}

async function pdfText(file: string): Promise<string> {
  const pages = await extractPdfText(new Uint8Array(readFileSync(file)));
  return squash(pages.map((p) => p.items.map((i) => i.str).join('')).join(''));
}

describe('init, then build', () => {
  const NAME = 'テスト産業株式会社';
  let init: CliRun;
  let build: CliRun;

  beforeAll(async () => {
    init = await cli(['init', 'content/test-org', '--name', NAME]);
    build = await cli(['build', '--content', 'content/test-org', '--out', 'out']);
  });

  it('writes the four content files and prints the next steps', () => {
    expect(init.err).toEqual([]);
    expect(init.code).toBe(0);
    expect(readdirSync(join(root, 'content/test-org')).sort()).toEqual([...INIT_FILES].sort());
    const out = init.out.join('\n');
    for (const f of INIT_FILES) expect(out).toContain(`content/test-org/${f}`);
    expect(out).toContain('npx kasuhara-press build --content content/test-org');
    expect(out).toContain('output/test-org/');
  });

  it('builds without errors or warnings: a policy PDF and A4 and A3 posters', () => {
    expect(build.err).toEqual([]);
    expect(build.code).toBe(0);
    expect(readdirSync(join(root, 'out/test-org')).sort()).toEqual([
      'policy.pdf',
      'policy.print.pdf', // every product also has its print flavour
      'policy.web.pdf', // … and its web flavour
      'poster-a3.pdf',
      'poster-a3.print.pdf',
      'poster-a3.web.pdf',
      'poster-a4.pdf',
      'poster-a4.print.pdf',
      'poster-a4.web.pdf',
    ]);
  });

  it('prints the organisation name on the poster (issuer) and in the policy (title and text)', async () => {
    for (const poster of ['poster-a4.pdf', 'poster-a3.pdf']) {
      const text = await pdfText(join(root, 'out/test-org', poster));
      expect(text).toContain(NAME);
      expect(text).toContain(squash('厚生労働省「カスタマーハラスメント対策企業マニュアル」より'));
    }
    const policy = await pdfText(join(root, 'out/test-org/policy.pdf'));
    expect(policy).toContain(`${NAME}カスタマー・ハラスメント対策基本方針`);
    expect(policy).toContain(`${NAME}はカスタマー・ハラスメントに対し`);
    expect(policy).toContain('〔ここに署名者の役職〕');
    expect(policy).not.toContain(PLACEHOLDER_NAME);
  });

  it('has the MHLW checklist: the eight items and the source line of content/okayama', async () => {
    const mine = await loadContent(join(root, 'content/test-org'));
    const okayama = await loadContent(OKAYAMA_DIR);
    expect(mine.poster!.checklist.items).toEqual(okayama.poster!.checklist.items);
    expect(mine.poster!.checklist.items).toHaveLength(8);
    expect(mine.poster!.checklist.source).toBe(okayama.poster!.checklist.source);
    expect(mine.organisation).toMatchObject({ name: NAME, issuer: NAME });
    expect(mine.policy!.title).toBe(`${NAME}カスタマー・ハラスメント対策基本方針`);
    expect(mine.policy!.date).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(mine.products.map((p) => [p.id, p.sizes.map((s) => s.name)])).toEqual([['policy', ['A4']], ['poster', ['A4', 'A3']]]);
    // The policy has the three pillars, the definition, the examples and the responses.
    const headings = mine.policy!.blocks.filter((b) => b.kind === 'heading').map((b) => b.text);
    expect(headings).toEqual(expect.arrayContaining(['基本姿勢の3つの柱', '(1) カスタマー・ハラスメントの定義', '○予防', '○対応', '○フォローアップ']));
    expect(mine.policy!.blocks.filter((b) => b.kind === 'list-item' && b.ordered)).toHaveLength(3);
  });
});

describe('init without --name', () => {
  it('uses a visible placeholder name, still valid content that builds', async () => {
    const init = await cli(['init', 'plain'], 'ja');
    expect(init.code).toBe(0);
    expect(init.out.join('\n')).toContain('npx kasuhara-press build --content plain');
    expect(init.out.join('\n')).toContain('次の手順');
    const content = await loadContent(join(root, 'plain'));
    expect(content.organisation.name).toBe(PLACEHOLDER_NAME);
    const build = await cli(['build', '--content', 'plain', '--product', 'poster', '--out', 'out']);
    expect(build.err).toEqual([]);
    expect(build.code).toBe(0);
    expect(await pdfText(join(root, 'out/plain/poster-a4.pdf'))).toContain(PLACEHOLDER_NAME);
  });
});

describe('init refuses', () => {
  it('a non-empty folder, in Japanese and English, and leaves it as it was', async () => {
    const dir = join(root, 'taken');
    mkdirSync(dir);
    writeFileSync(join(dir, 'poster.yaml'), 'mine\n');
    const ja = await cli(['init', 'taken'], 'ja');
    expect(ja.code).toBe(1);
    expect(ja.err.join('\n')).toContain('エラー: フォルダ「taken」は空ではありません（poster.yaml）。既存のファイルは上書きしません。');
    expect(ja.err.join('\n')).toContain('taken-2');
    const en = await cli(['init', 'taken'], 'en');
    expect(en.code).toBe(1);
    expect(en.err.join('\n')).toContain('The folder taken is not empty (poster.yaml); init never overwrites existing files.');
    expect(readdirSync(dir)).toEqual(['poster.yaml']);
    expect(readFileSync(join(dir, 'poster.yaml'), 'utf8')).toBe('mine\n');
  });

  it('a file in place of the folder', async () => {
    writeFileSync(join(root, 'a-file'), 'x');
    const r = await cli(['init', 'a-file']);
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toContain('a-file is a file, not a folder.');
  });

  it.each([
    ['', 'is empty'],
    ['A<B', 'cannot be used: <'],
    ['名前"引用', 'cannot be used: "'],
    ['一行目\n二行目', 'line break'],
    ['- リスト', 'cannot start with "-"'],
    ['1. 番号', 'cannot start with "1."'],
    ['あ'.repeat(61), 'too long (61 characters)'],
  ])('the name %j (%s), creating nothing', async (name, message) => {
    const r = await cli(['init', 'bad-name', `--name=${name}`]);
    expect(r.code).toBe(1);
    expect(r.err.join('\n')).toContain(message);
    expect(r.err.join('\n')).toContain('--name');
    expect(existsSync(join(root, 'bad-name'))).toBe(false);
  });

  it('a missing folder argument, and a second one', async () => {
    const none = await cli(['init']);
    expect(none.code).toBe(1);
    expect(none.err.join('\n')).toContain('init needs the folder to create.');
    const two = await cli(['init', 'x', 'y']);
    expect(two.code).toBe(1);
    expect(two.err.join('\n')).toContain('Unexpected argument "y".');
    expect(existsSync(join(root, 'x'))).toBe(false);
  });
});

describe('init accepts', () => {
  it('an existing empty folder, or one with only dot-files (a fresh git repository)', async () => {
    mkdirSync(join(root, 'empty'));
    mkdirSync(join(root, 'repo/.git'), { recursive: true });
    expect((await cli(['init', 'empty'])).code).toBe(0);
    expect((await cli(['init', 'repo'])).code).toBe(0);
    expect(readdirSync(join(root, 'repo')).sort()).toEqual(['.git', ...INIT_FILES].sort());
  });

  it('names with YAML- and Markdown-looking characters that are safe once quoted', async () => {
    const name = 'A&B ホールディングス: 本社 (1) 50%';
    const r = await cli(['init', 'odd', '--name', `  ${name} `]);
    expect(r.code).toBe(0);
    const content = await loadContent(join(root, 'odd'));
    expect(content.organisation.name).toBe(name);
    expect(content.policy!.title).toBe(`${name}カスタマー・ハラスメント対策基本方針`);
    expect(content.policy!.blocks.map((b) => b.text).join('\n')).toContain(`${name}はカスタマー・ハラスメントに対し`);
  });
});

describe('templates/init', () => {
  it('uses only the {{name}} and {{date}} placeholders, and has every file init writes', () => {
    for (const f of INIT_FILES) {
      const text = readFileSync(join(INIT_TEMPLATES_DIR, f), 'utf8');
      const placeholders = new Set(text.match(/\{\{[^}]*\}\}/g) ?? []);
      expect([...placeholders].filter((p) => p !== '{{name}}' && p !== '{{date}}'), f).toEqual([]);
    }
  });
});
