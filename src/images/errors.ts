/**
 * The user errors about image files, from looking them up (registry.ts) and from decoding them
 * (encode.ts): each names the element and, where layout knows it, the content file, line and
 * field the element came from.
 */
import { userError, type Localized, type UserInputError } from '../diagnostics/diagnostic.js';

/** Where the image was asked for: the element, and the content that made it. */
export interface ImageWhere {
  element: string;
  file?: string;
  line?: number;
  path?: string;
}

const RESAVE: Localized = {
  ja: '画像を PNG（ロゴ・図）か JPEG（写真）で保存し直してください。',
  en: 'Save the image again as PNG (logos, drawings) or JPEG (photos).',
};

function imageError(code: string, message: Localized, hint: Localized, where: ImageWhere): UserInputError {
  return userError({
    code,
    message,
    hint,
    ...(where.file ? { file: where.file } : {}),
    ...(where.line ? { line: where.line } : {}),
    ...(where.path ? { path: where.path } : {}),
  });
}

export function unsafePath(src: string, where: ImageWhere): UserInputError {
  return imageError(
    'images/unsafe-path',
    {
      ja: `画像 ${where.element} の src「${src}」は、コンテンツ・テンプレート・assets フォルダの外を指しています。`,
      en: `The image ${where.element} has src "${src}", which points outside the content, templates and assets folders.`,
    },
    {
      ja: '画像をコンテンツフォルダ（または assets/）に置き、そこからの相対パスで書いてください（例: src="logo.png"）。絶対パスや URL、.. でフォルダの外に出るパスは使えません。',
      en: 'Put the image in the content folder (or assets/) and give a relative path, e.g. src="logo.png". Absolute paths, URLs and paths leaving the folder with .. are not allowed.',
    },
    where,
  );
}

export function missingFile(src: string, where: ImageWhere): UserInputError {
  return imageError(
    'images/missing-file',
    { ja: `画像 ${where.element} のファイル「${src}」が見つかりません。`, en: `The image file "${src}" of ${where.element} does not exist.` },
    {
      ja: 'ファイル名のつづりと、コンテンツフォルダからの相対パスを確認してください。',
      en: 'Check the spelling and that the path is relative to the content folder.',
    },
    where,
  );
}

/** Not a PNG or JPEG header at all (found when layout reads the header). */
export function notAnImage(src: string, where: ImageWhere): UserInputError {
  return imageError(
    'images/unreadable',
    { ja: `画像 ${where.element} のファイル「${src}」は PNG でも JPEG でもないか、壊れています。`, en: `The image file "${src}" of ${where.element} is not a readable PNG or JPEG.` },
    RESAVE,
    where,
  );
}

/** A good header over pixels that do not decode (found when the PDF writer encodes them). */
export function undecodable(file: string, where: ImageWhere): UserInputError {
  return imageError(
    'images/unreadable',
    {
      ja: `画像 ${where.element} のファイル「${file}」を読み込めません（壊れているか途中で切れています）。`,
      en: `The image file "${file}" of ${where.element} cannot be decoded (it is damaged or truncated).`,
    },
    RESAVE,
    where,
  );
}

/** The file's own name, for messages (not the whole absolute path). */
export function shownName(path: string): string {
  return path.split(/[\\/]/).pop() ?? path;
}
