/**
 * Output files are written whole or not at all: bytes go to a temporary file beside the
 * target, which is then renamed over it (atomic on one file system). A failed build
 * therefore never leaves a half-written PDF, and the previous output stays until replaced.
 * `writeAllAtomic` stages every file of a build before it replaces any, so a folder that
 * cannot be written (a full disk, no permission, a file where a folder should be) leaves all
 * previous outputs as they were, and is reported as the user's problem, not as a crash.
 */
import { mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { displayPath } from '../content/index.js';
import { UserInputError, type Localized } from '../diagnostics/diagnostic.js';

export interface OutputFile {
  path: string;
  bytes: Uint8Array;
}

function tmpPath(path: string): string {
  return join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
}

export async function writeAtomic(path: string, bytes: Uint8Array): Promise<void> {
  await writeAllAtomic([{ path, bytes }]);
}

/** Writes every file or, when one cannot be written, none (and no temporary file stays). */
export async function writeAllAtomic(files: readonly OutputFile[]): Promise<void> {
  const staged: { tmp: string; path: string }[] = [];
  const madeDirs: string[] = [];
  let current = files[0]?.path ?? '';
  const undo = async () => {
    await Promise.all(staged.map((s) => rm(s.tmp, { force: true })));
    // Only folders this call created, newest first; each is empty again by now.
    for (const dir of madeDirs.reverse()) await rm(dir, { recursive: true, force: true });
  };
  try {
    for (const f of files) {
      current = f.path;
      const made = await mkdir(dirname(f.path), { recursive: true });
      if (made !== undefined) madeDirs.push(made);
      if (await stat(f.path).then((s) => s.isDirectory(), () => false)) throw Object.assign(new Error('EISDIR'), { code: 'EISDIR' });
      const tmp = tmpPath(f.path);
      staged.push({ tmp, path: f.path });
      await writeFile(tmp, f.bytes);
    }
  } catch (e) {
    await undo();
    throw cannotWrite(e, current, true);
  }
  for (const s of staged) {
    try {
      await rename(s.tmp, s.path);
    } catch (e) {
      await Promise.all(staged.map((t) => rm(t.tmp, { force: true })));
      throw cannotWrite(e, s.path, false);
    }
  }
}

const REASONS: Record<string, Localized> = {
  ENOTDIR: { ja: 'フォルダがあるべき場所にファイルがあります', en: 'a file is in the way where a folder is needed' },
  EEXIST: { ja: 'フォルダがあるべき場所にファイルがあります', en: 'a file is in the way where a folder is needed' },
  EISDIR: { ja: '同じ名前のフォルダがあります', en: 'a folder of that name is in the way' },
  EACCES: { ja: '書き込む権限がありません', en: 'permission denied' },
  EPERM: { ja: '書き込む権限がありません', en: 'permission denied' },
  EROFS: { ja: '読み取り専用のディスクです', en: 'the disk is read-only' },
  ENOSPC: { ja: 'ディスクがいっぱいです', en: 'the disk is full' },
  EDQUOT: { ja: 'ディスクの割り当てを超えました', en: 'the disk quota is used up' },
};

function cannotWrite(e: unknown, path: string, unchanged: boolean): unknown {
  const code = (e as NodeJS.ErrnoException | undefined)?.code;
  if (typeof code !== 'string') return e;
  const reason = REASONS[code] ?? { ja: code, en: code };
  return new UserInputError(
    [{
      severity: 'error',
      code: 'build/cannot-write',
      message: { ja: `ファイルを書き込めません（${reason.ja}）。`, en: `Cannot write this file: ${reason.en}.` },
      hint: {
        ja: `--out に書き込めるフォルダを指定してください。${unchanged ? '前回の出力はそのまま残っています。' : ''}`,
        en: `Name a folder you can write to with --out.${unchanged ? ' The previous output files are unchanged.' : ''}`,
      },
      file: displayPath(path),
    }],
    { cause: e },
  );
}
