/**
 * press-release.yaml (報道発表資料). No product prints it yet, but it is part of the
 * organisation's content, so it is validated like everything else.
 */
import * as z from 'zod';
import { httpUrl, isoDate, text, textMatching } from './schema-helpers.js';

/** A bullet, optionally with numbered sub-items (templates number them I. II. III.). */
const bulletSchema = z.union([text, z.strictObject({ text, numbered: z.array(text).min(1) })]);

export interface PressReleaseSection {
  /** Printed as written, numbering included: `1 内容`, `(1) …`. */
  heading: string;
  paragraphs?: string[];
  bullets?: (string | { text: string; numbered: string[] })[];
  /** A link printed after the paragraphs and bullets. */
  url?: string;
  sections?: PressReleaseSection[];
}

// Printed in this order: heading, paragraphs, bullets, url, sub-sections.
const sectionSchema: z.ZodType<PressReleaseSection> = z.lazy(() =>
  z.strictObject({
    heading: text,
    paragraphs: z.array(text).min(1).optional(),
    bullets: z.array(bulletSchema).min(1).optional(),
    url: httpUrl.optional(),
    sections: z.array(sectionSchema).min(1).optional(),
  }),
);

const digits = (what: { ja: string; en: string }, example: string) =>
  textMatching(/^[0-9][0-9-]*[0-9]$/, {
    code: 'content/invalid-phone',
    message: { ja: `${what.ja}の書き方が正しくありません。`, en: `Invalid ${what.en}.` },
    hint: {
      ja: `半角の数字と「-」で、引用符で囲んで書いてください（例: "${example}"）。`,
      en: `Write half-width digits and "-", in quotes, e.g. "${example}".`,
    },
  });

const contactSchema = z.strictObject({
  /** What to ask about, without brackets: 基本方針について. */
  topic: text,
  /** Section within the organisation: 人事課 (the organisation name comes from organisation.yaml). */
  section: text,
  people: z.array(text).min(1),
  /** Direct line (直通). */
  phone: digits({ ja: '電話番号', en: 'phone number' }, '086-803-1090'),
  /** Internal extensions (内線). */
  extensions: z.array(digits({ ja: '内線番号', en: 'extension' }, '3420')).optional(),
});

export const pressReleaseSchema = z.strictObject({
  title: text,
  date: isoDate,
  lead: text,
  sections: z.array(sectionSchema).min(1),
  contacts: z.array(contactSchema).min(1),
});

export type PressRelease = z.infer<typeof pressReleaseSchema>;
export type PressReleaseContact = PressRelease['contacts'][number];
