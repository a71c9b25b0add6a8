/** Mistakes in the YAML files are reported in both languages at the right file:line:column. */
import { describe, expect, it } from 'vitest';
import { loadContent } from '../../src/content/index.js';
import { contentDir, diagnosticsOf, shown } from './helpers.js';

const SYNTAX_HINT = {
  ja: 'インデント（行頭の空白の数）がそろっているか、「:」の後に空白があるか、引用符（" や \'）を閉じ忘れていないかを確認してください。タブ文字は使えません。',
  en: 'Check that indentation (spaces at the start of lines) lines up, that each ":" is followed by a space, and that quotes (" or \') are closed. Tabs are not allowed.',
};

const POSTER_WITH_MISTAKES = `lead: ～
headlin: 見出し
icons:
  - icon: megaphone
    label: 大声
checklist:
  title: 例
  items: [暴言, 2]
`;

describe('YAML content errors', () => {
  it('reports broken YAML syntax at yaml\u2019s line and column with a hint about indentation, colons and quotes', async () => {
    const dir = contentDir({ 'poster.yaml': 'lead: a\nheadline b\nicons: []\n' });
    const ds = await diagnosticsOf(() => loadContent(dir));
    expect(ds).toEqual([{
      severity: 'error',
      code: 'content/yaml-syntax',
      message: {
        ja: 'YAMLとして読み取れません（Implicit keys need to be on a single line）。',
        en: 'Cannot read this as YAML: Implicit keys need to be on a single line.',
      },
      hint: SYNTAX_HINT,
      file: shown(dir, 'poster.yaml'),
      line: 2,
      column: 1,
    }]);
  });

  it('collects every error of a file in file order: missing field, misspelt field, wrong type', async () => {
    const dir = contentDir({ 'poster.yaml': POSTER_WITH_MISTAKES });
    const file = shown(dir, 'poster.yaml');
    expect(await diagnosticsOf(() => loadContent(dir))).toEqual([
      {
        severity: 'error', code: 'content/missing-field', file, line: 1, column: 1, path: 'headline',
        message: { ja: '必須の項目「headline」がありません。', en: 'Required field `headline` is missing.' },
        hint: { ja: 'ここに書ける項目: lead, headline, icons, checklist', en: 'Fields expected here: lead, headline, icons, checklist' },
      },
      {
        severity: 'error', code: 'content/unknown-field', file, line: 2, column: 1, path: 'headlin',
        message: { ja: '不明な項目「headlin」があります。', en: 'Unknown field `headlin`.' },
        hint: { ja: '「headline」のまちがいではありませんか？', en: 'Did you mean `headline`?' },
      },
      {
        severity: 'error', code: 'content/wrong-type', file, line: 8, column: 15, path: 'checklist.items[1]',
        message: {
          ja: '「checklist.items[1]」は文字列で書いてください。いまは数値になっています。',
          en: '`checklist.items[1]` must be text, but it is a number.',
        },
        hint: {
          ja: '文字として扱うには、値を引用符で囲んでください（例: "2"）。',
          en: 'To use it as text, put the value in quotes, e.g. "2".',
        },
      },
    ]);
  });

  it('points a missing nested field at its parent key', async () => {
    const dir = contentDir({ 'poster.yaml': 'lead: a\nheadline: b\nicons:\n  - icon: megaphone\n    label: x\nchecklist:\n  title: t\n' });
    const [d] = await diagnosticsOf(() => loadContent(dir));
    expect(d).toMatchObject({ code: 'content/missing-field', line: 6, column: 1, path: 'checklist.items' });
    expect(d!.hint).toEqual({ ja: 'ここに書ける項目: title, items, source', en: 'Fields expected here: title, items, source' });
  });

  it('lists the expected fields when an unknown field resembles none of them', async () => {
    const dir = contentDir({ 'organisation.yaml': 'name: 町\nnameEn: Town\npolicyUrl: https://example.jp/\nissuer: 町\ncolour: red\n' });
    expect(await diagnosticsOf(() => loadContent(dir))).toMatchObject([{
      code: 'content/unknown-field', line: 5, column: 1, path: 'colour',
      hint: { en: 'Fields expected here: name, nameEn, policyUrl, issuer, logo, theme' },
    }]);
  });

  it('reports errors of several files in one run', async () => {
    const dir = contentDir({ 'organisation.yaml': 'name: 123\nnameEn: X\npolicyUrl: ftp://x\nissuer:\n', 'poster.yaml': POSTER_WITH_MISTAKES });
    const ds = await diagnosticsOf(() => loadContent(dir));
    expect(ds.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual([
      `${shown(dir, 'organisation.yaml')}:1:7 content/wrong-type`,
      `${shown(dir, 'organisation.yaml')}:3:12 content/invalid-url`,
      `${shown(dir, 'organisation.yaml')}:4:8 content/empty-field`,
      `${shown(dir, 'poster.yaml')}:1:1 content/missing-field`,
      `${shown(dir, 'poster.yaml')}:2:1 content/unknown-field`,
      `${shown(dir, 'poster.yaml')}:8:15 content/wrong-type`,
    ]);
    expect(ds[2]!.message).toEqual({ ja: '「issuer」が空です。', en: '`issuer` is empty.' });
  });

  it('reports an empty file and a missing required file', async () => {
    const dir = contentDir({ 'poster.yaml': '', 'products.yaml': null });
    expect(await diagnosticsOf(() => loadContent(dir))).toMatchObject([
      { code: 'content/missing-file', file: shown(dir, 'products.yaml'), message: { en: 'Required file products.yaml is missing.' } },
      { code: 'content/empty-field', file: shown(dir, 'poster.yaml'), message: { ja: 'ファイル「poster.yaml」に内容がありません。', en: 'The file poster.yaml is empty.' } },
    ]);
  });

  it('reports a field written twice', async () => {
    const dir = contentDir({ 'organisation.yaml': 'name: 町\nname: 市\n' });
    expect(await diagnosticsOf(() => loadContent(dir))).toMatchObject([
      { code: 'content/duplicate-field', line: 2, column: 1, message: { en: 'The same field is written twice.' } },
    ]);
  });

  it('warns about a content file with a misspelt name instead of ignoring it silently', async () => {
    const content = await loadContent(contentDir({ 'poster.yml': 'lead: x\n' }));
    expect(content.warnings).toMatchObject([{
      severity: 'warning', code: 'content/unknown-file',
      hint: { ja: '「poster.yaml」のまちがいではありませんか？', en: 'Did you mean poster.yaml?' },
    }]);
  });

  it('picks the intended form of a bullet that may be text or { text, numbered }', async () => {
    const pr = 'title: t\ndate: 2025-08-29\nlead: l\nsections:\n  - heading: h\n    bullets:\n      - ok\n      - text: x\n        numberd: [a]\n      - 3\ncontacts:\n  - topic: t\n    section: s\n    people: [a]\n    phone: 086-803-1090\n    extensions: [3420]\n';
    const ds = await diagnosticsOf(() => loadContent(contentDir({ 'press-release.yaml': pr })));
    expect(ds.map((d) => [d.code, d.path, d.line])).toEqual([
      ['content/missing-field', 'sections[0].bullets[1].numbered', 8],
      ['content/unknown-field', 'sections[0].bullets[1].numberd', 9],
      ['content/wrong-type', 'sections[0].bullets[2]', 10],
      ['content/wrong-type', 'contacts[0].extensions[0]', 16],
    ]);
    expect(ds[1]!.hint!.en).toBe('Did you mean `numbered`?');
    expect(ds[2]!.message.en).toBe('`sections[0].bullets[2]` must be text or a mapping of "field: value" lines, but it is a number.');
  });
});
