/**
 * `init`: a new organisation folder, ready to build, from the files in templates/init/ with
 * the organisation name and today's date substituted. Placeholders are valid content, so the
 * folder builds at once; what to replace is marked 〔…〕. Never overwrites anything: an
 * existing folder must be empty (dot-files such as .git aside), and files are created with
 * the exclusive flag.
 */
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { userError, type Localized } from '../diagnostics/diagnostic.js';
import { CONTENT_FILES, displayPath } from '../content/index.js';
import { PROJECT_ROOT } from '../paths.js';

export const INIT_TEMPLATES_DIR = join(PROJECT_ROOT, 'templates/init');
/** What init writes, in the order it is listed to the user. */
export const INIT_FILES = [CONTENT_FILES.organisation, CONTENT_FILES.poster, CONTENT_FILES.policy, CONTENT_FILES.products] as const;
/** The name printed when none is given: obviously a placeholder, and valid content. */
export const PLACEHOLDER_NAME = '〔団体名〕';
const MAX_NAME_LENGTH = 60;

export interface InitRequest {
  cwd: string;
  /** The new organisation folder (relative to cwd or absolute). */
  dir: string;
  /** The organisation name as printed; PLACEHOLDER_NAME when absent. */
  name?: string;
  /** The policy's date (YYYY-MM-DD); default today (local time). */
  today?: string;
}

export interface InitResult {
  /** Absolute path of the folder. */
  dir: string;
  /** The folder as given relative to cwd, for messages (`content/acme`). */
  shownDir: string;
  /** Absolute paths of the files written, in INIT_FILES order. */
  files: string[];
  name: string;
}

export function scaffoldOrganisation(request: InitRequest): InitResult {
  const name = checkName(request.name);
  const dir = resolve(request.cwd, request.dir);
  const shownDir = displayPath(dir, request.cwd);
  checkTarget(dir, shownDir);
  const values: Record<string, string> = { name, date: request.today ?? localIsoDate(new Date()) };
  // Everything is read and substituted before the first file is written.
  const texts = INIT_FILES.map((file) => ({ file, text: substitute(readFileSync(join(INIT_TEMPLATES_DIR, file), 'utf8'), values, file) }));
  mkdirSync(dir, { recursive: true });
  const files = texts.map(({ file, text }) => {
    const path = join(dir, file);
    writeFileSync(path, text, { encoding: 'utf8', flag: 'wx' });
    return path;
  });
  return { dir, shownDir, files, name };
}

/** `{{name}}` and `{{date}}`; any other `{{…}}` left in a template file is a bug of ours. */
function substitute(text: string, values: Record<string, string>, file: string): string {
  return text.replace(/\{\{\s*([a-z]+)\s*\}\}/g, (whole, key: string) => {
    const value = values[key];
    if (value === undefined) throw new Error(`templates/init/${file}: unknown placeholder ${whole}`);
    return value;
  });
}

function localIsoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

const NAME_HINT: Localized = {
  ja: `例: --name 〇〇株式会社（${MAX_NAME_LENGTH}文字まで。記号 " \\ < > { } [ ] * _ \` # | ~ と改行は使えません）`,
  en: `For example --name 〇〇株式会社 (up to ${MAX_NAME_LENGTH} characters; no line breaks and none of " \\ < > { } [ ] * _ \` # | ~).`,
};
// Characters that would change the meaning of the YAML (inside double quotes) or Markdown
// the name is substituted into, and control characters (line breaks, tabs …).
const FORBIDDEN = /[\p{Cc}"\\<>{}[\]*_`#|~]/u;

/**
 * The name is printed on every product and substituted into YAML and Markdown, so it is
 * checked here rather than discovered as a confusing YAML or Markdown error later.
 */
export function checkName(raw: string | undefined): string {
  if (raw === undefined) return PLACEHOLDER_NAME;
  const name = raw.trim();
  const bad = (message: Localized) => userError({ code: 'init/bad-name', message, hint: NAME_HINT });
  if (name === '') throw bad({ ja: '--name の団体名が空です。', en: 'The organisation name given with --name is empty.' });
  const length = [...name].length;
  if (length > MAX_NAME_LENGTH) {
    throw bad({ ja: `団体名が長すぎます（${length}文字）。`, en: `The organisation name is too long (${length} characters).` });
  }
  const ch = FORBIDDEN.exec(name)?.[0];
  if (ch !== undefined) {
    const shown = /\p{Cc}/u.test(ch) ? (ch === '\n' || ch === '\r' ? '改行 / line break' : `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`) : ch;
    throw bad({ ja: `団体名に使えない文字「${shown}」があります。`, en: `The organisation name contains a character that cannot be used: ${shown}` });
  }
  // At the start of a Markdown paragraph these would begin a list.
  const lead = /^(\d+[.)]|[-+])/.exec(name)?.[0];
  if (lead !== undefined) {
    throw bad({ ja: `団体名を「${lead}」で始めることはできません。`, en: `The organisation name cannot start with "${lead}".` });
  }
  return name;
}

function checkTarget(dir: string, shown: string): void {
  const stat = statSync(dir, { throwIfNoEntry: false });
  if (!stat) return;
  if (!stat.isDirectory()) {
    throw userError({
      code: 'init/not-a-folder',
      message: { ja: `「${shown}」はフォルダではなくファイルです。`, en: `${shown} is a file, not a folder.` },
      hint: { ja: '新しいフォルダの名前を指定してください（例: content/my-org）。', en: 'Name a new folder, e.g. content/my-org.' },
    });
  }
  const entries = readdirSync(dir).filter((e) => !e.startsWith('.'));
  if (entries.length > 0) {
    const shownEntries = entries.slice(0, 3).join(', ') + (entries.length > 3 ? ', …' : '');
    throw userError({
      code: 'init/not-empty',
      message: {
        ja: `フォルダ「${shown}」は空ではありません（${shownEntries}）。既存のファイルは上書きしません。`,
        en: `The folder ${shown} is not empty (${shownEntries}); init never overwrites existing files.`,
      },
      hint: {
        ja: `新しいフォルダの名前を指定してください（例: ${join(shown, '..', `${basename(dir)}-2`).split('\\').join('/')}）。`,
        en: `Name a new folder, e.g. ${join(shown, '..', `${basename(dir)}-2`).split('\\').join('/')}.`,
      },
    });
  }
}
