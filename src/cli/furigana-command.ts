/** `kasuhara-press furigana FILE.yaml`: writes FILE.readings.yaml for review (src/furigana). */
import type { Lang } from '../diagnostics/diagnostic.js';
import { userError } from '../diagnostics/diagnostic.js';
import { proposeFuriganaFile } from '../furigana/review-file.js';
import type { Io } from './main.js';

export async function furiganaCommand(args: readonly string[], io: Io, lang: Lang): Promise<number> {
  if (args.length !== 1) {
    throw userError({
      code: args.length === 0 ? 'cli/missing-argument' : 'cli/unexpected-argument',
      message: args.length === 0
        ? { ja: 'furigana には内容ファイル（YAML）が必要です。', en: 'furigana needs a content file (YAML).' }
        : { ja: `余分な引数「${args[1]}」があります。`, en: `Unexpected argument "${args[1]}".` },
      hint: { ja: '例: kasuhara-press furigana content/okayama/i18n/easy-ja/poster.yaml', en: 'For example: kasuhara-press furigana content/okayama/i18n/easy-ja/poster.yaml' },
    });
  }
  const r = await proposeFuriganaFile(args[0]!, io.cwd);
  io.out(lang === 'ja'
    ? `${r.file}  ${r.entries.length} 語（未確認 ${r.unreviewed} 語）`
    : `${r.file}  ${r.entries.length} words (${r.unreviewed} to review)`);
  return 0;
}
