/**
 * variants/<id>.yaml: what a variant changes. Every part is optional except `extends` and
 * `status`; the parts mirror the content files (organisation, products, poster) and are
 * merged over the parent's (src/content/variants-merge.ts). Objects are strict, so a
 * misspelt key is an error with "did you mean", as in the content files themselves.
 */
import * as z from 'zod';
import { contactSchema, organisationSchema, posterSchema, productFields, statusSchema } from './schema.js';
import { addContentIssue, cssColor, identifier, text } from './schema-helpers.js';
import { LANGUAGE_IDS } from './variants-languages.js';

/** A parent: checked against the variants that exist (the folder's name may be any name). */
const variantRef = text;

/** A language id, with the list of known ones when it is not one of them. */
const languageId = text.superRefine((v, ctx) => {
  if (!(LANGUAGE_IDS as readonly string[]).includes(v)) {
    addContentIssue(ctx, {
      code: 'variant/unknown-language',
      message: { ja: `言語「${v}」には対応していません。`, en: `Language "${v}" is not supported.` },
      hint: { ja: `使える言語: ${LANGUAGE_IDS.join(', ')}`, en: `Supported languages: ${LANGUAGE_IDS.join(', ')}` },
    });
  }
});

/** A file of the content folder; relative to it (checked when loaded). */
const contentFile = text;

const organisationPatch = organisationSchema.partial().extend({
  logo: text.nullable().optional(),
  theme: z.record(identifier({ ja: '色の名前', en: 'colour name' }), cssColor.nullable()).nullable().optional(),
  contact: contactSchema.partial().nullable().optional(),
});

const posterPatch = posterSchema.partial().extend({
  checklist: posterSchema.shape.checklist.partial().optional(),
});

export const variantSchema = z.strictObject({
  /** The parent(s): the organisation folder's name for the base, or another variant's file name. */
  extends: z.union([variantRef, z.array(variantRef).min(1)]),
  /** `draft` until a person has checked the variant's details and texts; printed nowhere. */
  status: statusSchema,
  /** What the variant is, for people choosing files (the gallery): e.g. 北区役所. */
  title: text.optional(),
  lang: languageId.optional(),
  organisation: organisationPatch.optional(),
  /** Product id → fields to change; `null` removes the product from this variant. */
  products: z.record(identifier({ ja: '製品名', en: 'product id' }), productFields.partial().nullable()).optional(),
  poster: posterPatch.optional(),
  /** Whole content files that replace the parent's (translations): paths in the content folder. */
  files: z.strictObject({ poster: contentFile.optional(), policy: contentFile.optional(), pressRelease: contentFile.optional() }).optional(),
});

export type VariantFile = z.infer<typeof variantSchema>;
