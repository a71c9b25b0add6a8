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
        ja: 'YAMLとして読み取れません。項目名は1行で「項目名: 値」と書く必要があります（「:」やその後の空白が抜けているか、インデントがずれています）。',
        en: 'Cannot read this as YAML: Implicit keys need to be on a single line.',
      },
      hint: SYNTAX_HINT,
      file: shown(dir, 'poster.yaml'),
      line: 2,
      column: 1,
    }]);
  });

  it('reports one error per position although yaml reports several there', async () => {
    // An over-indented key: yaml gives BLOCK_AS_IMPLICIT_KEY and MULTILINE_IMPLICIT_KEY at 4:11.
    const indent = contentDir({ 'poster.yaml': 'lead: a\nheadline: b\nicons:\n  - icon: hand-coins\n      label: x\n' });
    expect(await diagnosticsOf(() => loadContent(indent))).toEqual([{
      severity: 'error', code: 'content/yaml-syntax', file: shown(indent, 'poster.yaml'), line: 4, column: 11,
      message: {
        ja: 'YAMLとして読み取れません。この値の中やその下に「項目名: 値」は書けません（次の行のインデントが深すぎるか、「: 」を含む値を引用符で囲んでいません）。',
        en: 'Cannot read this as YAML: Nested mappings are not allowed in compact mappings.',
      },
      hint: SYNTAX_HINT,
    }]);
    // A list item under a mapping: three errors at 2:1.
    const seq = contentDir({ 'poster.yaml': 'lead: a\n- b\n' });
    expect((await diagnosticsOf(() => loadContent(seq))).map((d) => `${d.line}:${d.column} ${d.code}`)).toEqual(['2:1 content/yaml-syntax']);
  });

  it.each([
    ['a tab as indentation', 'lead: a\nchecklist:\n\ttitle: t\n', 3, 1, 'インデントにタブ文字は使えません', 'Tabs are not allowed as indentation'],
    ['an unclosed quote', 'lead: "a\nheadline: b\n', 3, 1, '「"」で始めた値を閉じる「"」がありません', 'Missing closing "quote'],
    ['an unclosed [', 'lead: a\nchecklist:\n  items: [a, b\n  title: t\n', 4, 3, '「[」で始めたリストが「]」で閉じられていないか、次の行のインデントが足りません', 'Flow sequence in block collection must be sufficiently indented and end with a ]'],
    ['a value starting with @', 'lead: @city\n', 1, 7, '引用符で囲まない値は「@」で始められません', 'Plain value cannot start with reserved character @'],
    ['a value starting with %', 'lead: %city\n', 1, 7, '引用符で囲まない値は「%」で始められません', 'Plain value cannot start with directive indicator character %'],
    ['text after a quoted value', 'lead: "a" b\n', 1, 11, '値の後に、続けて書けない文字があります（値全体を引用符で囲んでください）', 'Unexpected scalar at node end'],
    ['a missing ":" on the last line', 'lead: a\nheadline b\n', 2, 1, '項目名の後に「:」と値がありません', 'Implicit map keys need to be followed by map values'],
  ])('explains %s in Japanese and keeps yaml\u2019s English text for en', async (_, yaml, line, column, ja, en) => {
    const ds = await diagnosticsOf(() => loadContent(contentDir({ 'poster.yaml': yaml })));
    expect(ds).toHaveLength(1);
    expect(ds[0]).toMatchObject({ code: 'content/yaml-syntax', line, column, message: { ja: `YAMLとして読み取れません。${ja}。` } });
    expect(ds[0]!.message.en).toBe(`Cannot read this as YAML: ${en}.`);
    expect(ds[0]!.message.ja.replace('YAML', '')).not.toMatch(/[A-Za-z]{2}/);
  });

  it('reports an alias without its anchor (e.g. Markdown emphasis *…*) as a YAML error, not a crash', async () => {
    const dir = contentDir({ 'poster.yaml': 'lead: a\nheadline: *重要*\n' });
    expect(await diagnosticsOf(() => loadContent(dir))).toEqual([{
      severity: 'error', code: 'content/yaml-syntax', file: shown(dir, 'poster.yaml'), line: 2, column: 11,
      message: {
        ja: 'YAMLとして読み取れません。「*重要*」の前に、対応するアンカー「&重要*」がありません。',
        en: 'Cannot read this as YAML: Unresolved alias (the anchor must be set before the alias): 重要*.',
      },
      hint: {
        ja: '「*」で始まる値は、前に「&名前」を付けた値を指します。「*」を文字として書くには、値を引用符で囲んでください（例: "*重要*"）。',
        en: 'A value starting with "*" refers to an earlier value marked "&name". To write "*" as text, put the value in quotes, e.g. "*important*".',
      },
    }]);
  });

  it('collects every error of a file in file order: misspelt field, wrong type', async () => {
    const dir = contentDir({ 'poster.yaml': POSTER_WITH_MISTAKES });
    const file = shown(dir, 'poster.yaml');
    expect(await diagnosticsOf(() => loadContent(dir))).toEqual([
      {
        severity: 'error', code: 'content/unknown-field', file, line: 2, column: 1, path: 'headlin',
        message: { ja: '不明な項目「headlin」があります。「headline」のまちがいではありませんか？', en: 'Unknown field `headlin`: did you mean `headline`?' },
        hint: { ja: 'ここに書ける項目: lead, headline, icons, checklist', en: 'Fields expected here: lead, headline, icons, checklist' },
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
      hint: { en: 'Fields expected here: name, nameEn, policyUrl, issuer, logo, theme, contact' },
    }]);
  });

  it('reports errors of several files in one run', async () => {
    const dir = contentDir({ 'organisation.yaml': 'name: 123\nnameEn: X\npolicyUrl: ftp://x\nissuer:\n', 'poster.yaml': POSTER_WITH_MISTAKES });
    const ds = await diagnosticsOf(() => loadContent(dir));
    expect(ds.map((d) => `${d.file}:${d.line}:${d.column} ${d.code}`)).toEqual([
      `${shown(dir, 'organisation.yaml')}:1:7 content/wrong-type`,
      `${shown(dir, 'organisation.yaml')}:3:12 content/invalid-url`,
      `${shown(dir, 'organisation.yaml')}:4:8 content/empty-field`,
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

  it('reports a field written twice once, at the second line, naming both lines', async () => {
    const dir = contentDir({ 'organisation.yaml': 'name: 町\nnameEn: Town\nname: 市\npolicyUrl: https://example.jp/\nissuer: 町\n' });
    expect(await diagnosticsOf(() => loadContent(dir))).toEqual([{
      severity: 'error', code: 'content/duplicate-field', file: shown(dir, 'organisation.yaml'), line: 3, column: 1, path: 'name',
      message: { ja: '項目「name」が2回書かれています（1行目と3行目）。', en: 'Field `name` is written twice, on line 1 and on line 3.' },
      hint: {
        ja: 'どちらか一方を消してください。同じまとまりの中では、1つの項目は1回しか書けません。',
        en: 'Delete one of them: a field can be written only once in the same block.',
      },
    }]);
  });

  it('names the field path and both lines of a nested field written twice', async () => {
    const poster = 'lead: a\nheadline: b\nicons:\n  - icon: megaphone\n    label: x\n    icon: phone\nchecklist:\n  title: t\n  items: [a]\n';
    const dir = contentDir({ 'poster.yaml': poster });
    expect(await diagnosticsOf(() => loadContent(dir))).toMatchObject([{
      code: 'content/duplicate-field', line: 6, column: 5, path: 'icons[0].icon',
      message: { ja: '項目「icon」が2回書かれています（4行目と6行目）。', en: 'Field `icon` is written twice, on line 4 and on line 6.' },
    }]);
  });

  it('reports one error for a misspelt required field, at the misspelt key, with the expected fields', async () => {
    const dir = contentDir({ 'organisation.yaml': 'name: 町\nnameEn: Town\npolicyUrl: https://example.jp/\nisuer: 町\n' });
    expect(await diagnosticsOf(() => loadContent(dir))).toEqual([{
      severity: 'error', code: 'content/unknown-field', file: shown(dir, 'organisation.yaml'), line: 4, column: 1, path: 'isuer',
      message: { ja: '不明な項目「isuer」があります。「issuer」のまちがいではありませんか？', en: 'Unknown field `isuer`: did you mean `issuer`?' },
      hint: { ja: 'ここに書ける項目: name, nameEn, policyUrl, issuer, logo, theme, contact', en: 'Fields expected here: name, nameEn, policyUrl, issuer, logo, theme, contact' },
    }]);
  });

  it('keeps "did you mean" as a hint when the suggested field is written too, and still reports other missing fields', async () => {
    const dir = contentDir({ 'organisation.yaml': 'name: 町\nnamee: 町\npolicyUrl: https://example.jp/\nissuer: 町\n' });
    expect(await diagnosticsOf(() => loadContent(dir))).toMatchObject([
      { code: 'content/missing-field', line: 1, path: 'nameEn', message: { en: 'Required field `nameEn` is missing.' } },
      { code: 'content/unknown-field', line: 2, path: 'namee', message: { en: 'Unknown field `namee`.' }, hint: { en: 'Did you mean `name`?' } },
    ]);
  });

  it('merges only one misspelling with a missing field; a second one keeps the plain message', async () => {
    const dir = contentDir({ 'organisation.yaml': 'name: 町\nnameEn: Town\npolicyUrl: https://example.jp/\nisuer: 町\nissur: 町\n' });
    expect(await diagnosticsOf(() => loadContent(dir))).toMatchObject([
      { code: 'content/unknown-field', line: 4, path: 'isuer', message: { en: 'Unknown field `isuer`: did you mean `issuer`?' } },
      { code: 'content/unknown-field', line: 5, path: 'issur', message: { en: 'Unknown field `issur`.' }, hint: { en: 'Did you mean `issuer`?' } },
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
      ['content/unknown-field', 'sections[0].bullets[1].numberd', 9],
      ['content/wrong-type', 'sections[0].bullets[2]', 10],
      ['content/wrong-type', 'contacts[0].extensions[0]', 16],
    ]);
    expect(ds[0]!.message.en).toBe('Unknown field `numberd`: did you mean `numbered`?');
    expect(ds[1]!.message.en).toBe('`sections[0].bullets[2]` must be text or a mapping of "field: value" lines, but it is a number.');
  });
});
