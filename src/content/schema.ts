/**
 * Schemas of the content files. Objects are strict: an unknown key is almost always a typo
 * (`headlin:`), and silently ignoring it would drop text from a printed poster.
 *
 * The policy (基本方針) is Markdown with YAML front matter rather than YAML: it is long
 * prose with headings and lists, which a city editor can edit far more easily in Markdown
 * than as nested YAML strings. Only its title, date and signer live in the front matter.
 */
import * as z from 'zod';
import { pageSizeSchema, jisSize, type PageSize } from './page-size.js';
import { addContentIssue, cssColor, httpUrl, identifier, isoDate, text } from './schema-helpers.js';

/**
 * Review state of a translation or of a variant's details: `draft` until a person has
 * checked it. Printed nowhere; the build lists draft variants (src/content/variants.ts).
 */
export const statusSchema = z.enum(['draft', 'reviewed']);

export const contactSchema = z.strictObject({
  /** Section (課・係) to contact, e.g. 北区役所 総務・地域振興課. */
  section: text,
  phone: text.optional(),
  /** Extension (内線). */
  extension: text.optional(),
});

export const organisationSchema = z.strictObject({
  /** Name as printed, e.g. 岡山市. */
  name: text,
  /** English name, e.g. Okayama City. */
  nameEn: text,
  /** The page that publishes the policy. */
  policyUrl: httpUrl,
  /** Issuer line on posters. */
  issuer: text,
  /** Logo image, relative to the content folder (checked by resolveSafeAssetPath). */
  logo: text.optional(),
  /** Overrides of template colours: colour name → CSS colour. Templates own the defaults. */
  theme: z.record(identifier({ ja: '色の名前', en: 'colour name' }), cssColor).optional(),
  /** Contact line printed on posters (a ward or department sets it in its variant). */
  contact: contactSchema.optional(),
});

export const posterSchema = z.strictObject({
  lead: text,
  /** One string; the layout decides where it breaks. */
  headline: text,
  icons: z
    .array(z.strictObject({ icon: identifier({ ja: 'アイコン名', en: 'icon name' }), label: text }))
    .min(1)
    .max(8),
  checklist: z.strictObject({
    title: text,
    items: z.array(text).min(1).max(16),
    source: text.optional(),
  }),
});

/** A translated poster.yaml (a variant's files.poster) also says whether it was reviewed. */
export const translatedPosterSchema = posterSchema.extend({ status: statusSchema.optional() });

export const policyFrontMatterSchema = z.strictObject({
  title: text,
  date: isoDate,
  signer: z.strictObject({ title: text, name: text }),
  /** Translations are `draft` until reviewed by a person. */
  status: statusSchema.optional(),
});

const outputName = text.superRefine((v, ctx) => {
  const placeholders = v.match(/\{[^}]*\}/g) ?? [];
  const unknown = placeholders.filter((p) => p !== '{size}');
  if (unknown.length > 0) {
    addContentIssue(ctx, {
      code: 'content/invalid-output',
      message: { ja: `出力ファイル名に使えない「${unknown[0]}」があります。`, en: `Unknown placeholder ${unknown[0]} in the output name.` },
      hint: { ja: '使えるのは {size} だけです（例: poster-{size}.pdf）。', en: 'Only {size} is available, e.g. poster-{size}.pdf.' },
    });
  } else if (!/^[^/\\.][^/\\]*\.pdf$/i.test(v) || v.includes('..')) {
    // A bare file name: outputs go to the output folder and nowhere else.
    addContentIssue(ctx, {
      code: 'content/unsafe-path',
      message: { ja: `出力ファイル名「${v}」は使えません。`, en: `Output name "${v}" is not allowed.` },
      hint: {
        ja: 'フォルダを含まない、.pdf で終わるファイル名にしてください（例: policy.pdf）。',
        en: 'Use a plain file name without folders that ends in .pdf, e.g. policy.pdf.',
      },
    });
  }
});

/** A product's fields, without the cross-field check (variants override them one by one). */
export const productFields = z.strictObject({
  template: identifier({ ja: 'テンプレート名', en: 'template name' }),
  /** Defaults to A4. */
  sizes: z.array(pageSizeSchema).min(1).optional(),
  /** File name; `{size}` becomes the size name in lower case. */
  output: outputName,
  /** Also publish it as a web page, `<product id>.html` (src/html, src/build/html.ts). */
  html: z.boolean().optional(),
});

const productSchema = productFields
  .superRefine((p, ctx) => {
    if ((p.sizes?.length ?? 1) > 1 && !p.output.includes('{size}')) {
      addContentIssue(ctx, {
        code: 'content/invalid-output',
        message: {
          ja: '複数のサイズを作るのに、出力ファイル名に {size} がありません。',
          en: 'Several sizes are built but the output name has no {size}.',
        },
        hint: { ja: '例: poster-{size}.pdf', en: 'For example poster-{size}.pdf.' },
      }, ['output']);
    }
  });

/** products.yaml: product id → product. */
export const productsSchema = z.record(identifier({ ja: '製品名', en: 'product id' }), productSchema);

export type Organisation = z.infer<typeof organisationSchema> & {
  /** Absolute path of `logo`, once checked to lie inside the content or assets folder. */
  logoPath?: string;
};
export type Poster = z.infer<typeof posterSchema>;
export type PosterIcon = Poster['icons'][number];
export type PolicyFrontMatter = z.infer<typeof policyFrontMatterSchema>;

export interface ProductSpec {
  id: string;
  template: string;
  sizes: PageSize[];
  /** Output pattern as written, e.g. `poster-{size}.pdf`. */
  output: string;
  /** `html: true`: an HTML page of the product is written too. */
  html?: boolean;
}

export function toProductSpecs(products: z.infer<typeof productsSchema>): ProductSpec[] {
  return Object.entries(products).map(([id, p]) => ({
    id,
    template: p.template,
    sizes: p.sizes ?? [jisSize('A4')!],
    output: p.output,
    ...(p.html ? { html: true } : {}),
  }));
}

/** `poster-{size}.pdf` + B2 → `poster-b2.pdf`. */
export function outputFileName(product: Pick<ProductSpec, 'output'>, size: { name: string }): string {
  return product.output.replaceAll('{size}', size.name.toLowerCase());
}
