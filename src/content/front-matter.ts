/** Splits `---` YAML front matter from a Markdown file, keeping line numbers of both parts. */
import type { DiagnosticBag } from '../diagnostics/diagnostic.js';

export interface FrontMatterSplit {
  yaml: string;
  /** Lines of the file before the YAML (the opening `---`). */
  yamlLineOffset: number;
  body: string;
  /** Lines of the file before the body. */
  bodyLineOffset: number;
}

const EXAMPLE = '---\ntitle: …\ndate: 2025-08-29\nsigner:\n  title: …\n  name: …\n---';

export function splitFrontMatter(text: string, file: string, bag: DiagnosticBag): FrontMatterSplit | undefined {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n|\n|\r/);
  if (lines[0]?.trimEnd() !== '---') {
    bag.error({
      code: 'content/missing-front-matter',
      message: { ja: 'ファイルの先頭にフロントマター（--- で囲んだ部分）がありません。', en: 'The file does not start with front matter (a block between --- lines).' },
      hint: { ja: `1行目から次のように書いてください:\n${EXAMPLE}`, en: `Start the file like this:\n${EXAMPLE}` },
      file,
      line: 1,
      column: 1,
    });
    return undefined;
  }
  const end = lines.findIndex((l, i) => i > 0 && (l.trimEnd() === '---' || l.trimEnd() === '...'));
  if (end < 0) {
    bag.error({
      code: 'content/missing-front-matter',
      message: { ja: 'フロントマターの終わりの「---」がありません。', en: 'The front matter has no closing "---" line.' },
      hint: { ja: `次のように --- の行で閉じてください:\n${EXAMPLE}`, en: `Close it with a --- line:\n${EXAMPLE}` },
      file,
      line: 1,
      column: 1,
    });
    return undefined;
  }
  return {
    yaml: lines.slice(1, end).join('\n'),
    yamlLineOffset: 1,
    body: lines.slice(end + 1).join('\n'),
    bodyLineOffset: end + 1,
  };
}
