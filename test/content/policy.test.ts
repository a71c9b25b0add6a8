/** policy.md: front matter + a restricted Markdown body, with lines of the .md file in errors. */
import { describe, expect, it } from 'vitest';
import { DiagnosticBag } from '../../src/diagnostics/diagnostic.js';
import { loadContent, parsePolicy, policyTextBlocks } from '../../src/content/index.js';
import { parseSourceRef } from '../../src/diagnostics/diagnostic.js';
import { contentDir, diagnosticsOf, shown } from './helpers.js';

const FRONT = '---\ntitle: 方針\ndate: 2025-08-29\nsigner:\n  title: 町長\n  name: 山田\n---\n';

function parse(body: string, front = FRONT) {
  const bag = new DiagnosticBag();
  const policy = parsePolicy(front + body, 'policy.md', bag);
  return { policy, diagnostics: bag.items };
}

describe('policy.md', () => {
  it('reports front matter errors at lines of the .md file', async () => {
    const md = '---\ntitle: t\ndate: 2025-02-30\nsigner:\n  title: 長\n  nam: x\n---\n\n## 1\n\n本文\n';
    const dir = contentDir({ 'policy.md': md });
    const file = shown(dir, 'policy.md');
    expect(await diagnosticsOf(() => loadContent(dir))).toEqual([
      {
        severity: 'error', code: 'content/invalid-date', file, line: 3, column: 7, path: 'date',
        message: { ja: '日付「2025-02-30」が正しくありません。', en: '"2025-02-30" is not a valid date.' },
        hint: { ja: '実在する日付を 年-月-日 の形で書いてください（例: 2025-08-29）。', en: 'Write a real date as YYYY-MM-DD, e.g. 2025-08-29.' },
      },
      {
        severity: 'error', code: 'content/unknown-field', file, line: 6, column: 3, path: 'signer.nam',
        message: { ja: '不明な項目「nam」があります。「name」のまちがいではありませんか？', en: 'Unknown field `nam`: did you mean `name`?' },
        hint: { ja: 'ここに書ける項目: title, name', en: 'Fields expected here: title, name' },
      },
    ]);
  });

  it('names the lines of the .md file for a front matter field written twice', () => {
    const { diagnostics } = parse('本文\n', '---\ntitle: t\ndate: 2025-08-29\ntitle: u\nsigner:\n  title: 長\n  name: x\n---\n');
    expect(diagnostics).toMatchObject([{
      code: 'content/duplicate-field', line: 4, column: 1, path: 'title',
      message: { ja: '項目「title」が2回書かれています（2行目と4行目）。', en: 'Field `title` is written twice, on line 2 and on line 4.' },
    }]);
  });

  it('reports YAML syntax errors in the front matter at lines of the .md file', () => {
    const { diagnostics } = parse('本文\n', '---\ntitle: t\ndate 2025-08-29\n---\n');
    expect(diagnostics).toMatchObject([{ code: 'content/yaml-syntax', line: 3, column: 1 }]);
  });

  it('requires front matter', () => {
    expect(parse('## 1\n', '').diagnostics).toMatchObject([{
      code: 'content/missing-front-matter', line: 1,
      message: { en: 'The file does not start with front matter (a block between --- lines).' },
    }]);
    expect(parse('## 1\n', '---\ntitle: t\n').diagnostics).toMatchObject([{
      code: 'content/missing-front-matter', message: { en: 'The front matter has no closing "---" line.' },
    }]);
  });

  it('rejects raw HTML instead of passing it through', () => {
    const { policy, diagnostics } = parse('\n<div>危険</div>\n\n段落に<b>太字</b>\n');
    expect(policy).toBeUndefined();
    expect(diagnostics).toEqual([
      {
        severity: 'error', code: 'content/raw-html', file: 'policy.md', line: 9,
        message: { ja: 'Markdownの中にHTML（<div>危険</div>）は書けません。', en: 'Raw HTML (<div>危険</div>) is not allowed in Markdown.' },
        hint: { ja: 'HTMLのタグは消してください。「<」を文字として書くには「\\<」と書きます。', en: 'Remove the HTML tag. To write "<" as text, write "\\<".' },
      },
      expect.objectContaining({ code: 'content/raw-html', line: 11, message: expect.objectContaining({ en: 'Raw HTML (<b>) is not allowed in Markdown.' }) }),
      expect.objectContaining({ code: 'content/raw-html', line: 11, message: expect.objectContaining({ en: 'Raw HTML (</b>) is not allowed in Markdown.' }) }),
    ]);
  });

  it('rejects Markdown other than headings, paragraphs and lists, once per element, with its line', () => {
    const body = '\n| a | b |\n|---|---|\n| 1 | 2 |\n\n```\ncode\n```\n\n> 引用\n\n---\n\n![画像](x.png) [リンク](https://x.jp) `code`\n\n# 大見出し\n';
    const { diagnostics } = parse(body);
    expect(diagnostics.map((d) => [d.code, d.line, d.message.en])).toEqual([
      ['content/unsupported-markdown', 9, 'The policy cannot contain a table.'],
      ['content/unsupported-markdown', 13, 'The policy cannot contain a code block.'],
      ['content/unsupported-markdown', 17, 'The policy cannot contain a blockquote (>).'],
      ['content/unsupported-markdown', 19, 'The policy cannot contain a horizontal rule.'],
      ['content/unsupported-markdown', 21, 'The policy cannot contain an image.'],
      ['content/unsupported-markdown', 21, 'The policy cannot contain a link.'],
      ['content/unsupported-markdown', 21, 'The policy cannot contain inline code (`…`).'],
      ['content/heading-level', 23, 'A top-level heading ("# ") is not allowed in the body; the title belongs in the front matter.'],
    ]);
    expect(diagnostics[0]!.hint!.ja).toContain('箇条書き（- ）');
  });

  it('escapes text that looks like markup', () => {
    const { policy } = parse('\nA \\<b> & "B"\n');
    expect(policy!.html).toBe('<p data-src="policy.md:9">A &lt;b&gt; &amp; &quot;B&quot;</p>\n');
    expect(policyTextBlocks(policy!)).toEqual(['A <b> & "B"']);
  });

  it('joins Japanese lines of one paragraph without a space, but keeps the space between Latin words', () => {
    const { policy } = parse('\n職員を\n守ります。\n\nkeep\nspace\n');
    expect(policyTextBlocks(policy!)).toEqual(['職員を守ります。', 'keep space']);
    expect(policy!.html).toContain('>職員を守ります。</p>');
  });

  it('keeps a "-" list and a following "*" list as two lists, and numbered items as an ordered list', () => {
    const { policy } = parse('\n1. 柱一\n2. 柱二\n\n- 一\n- 二\n\n* 三\n');
    expect(policy!.blocks).toEqual([
      { kind: 'list-item', ordered: true, depth: 1, text: '柱一', line: 9 },
      { kind: 'list-item', ordered: true, depth: 1, text: '柱二', line: 10 },
      { kind: 'list-item', ordered: false, depth: 1, text: '一', line: 12 },
      { kind: 'list-item', ordered: false, depth: 1, text: '二', line: 13 },
      { kind: 'list-item', ordered: false, depth: 1, text: '三', line: 15 },
    ]);
    expect(policy!.html.match(/<ul /g)).toHaveLength(2);
    expect(policy!.html).toContain('<ol data-src="policy.md:9">\n<li data-src="policy.md:9">柱一</li>');
  });

  it('reads data-src back into file, line and field path', () => {
    expect(parseSourceRef('content/okayama/policy.md:12')).toEqual({ file: 'content/okayama/policy.md', line: 12 });
    expect(parseSourceRef('content/okayama/poster.yaml:22#checklist.items[4]')).toEqual({
      file: 'content/okayama/poster.yaml',
      line: 22,
      path: 'checklist.items[4]',
    });
    expect(parseSourceRef('nonsense')).toEqual({ file: 'nonsense' });
  });
});
