/** The content stage: content folder (YAML + Markdown) → typed, validated data. */
export { loadContent, requireContent, displayPath, CONTENT_FILES, type Content, type ContentSources, type LoadOptions } from './load.js';
export { parsePolicy, policyTextBlocks, type Policy, type PolicyBlock } from './policy.js';
export { resolveSafeAssetPath, DEFAULT_ASSETS_DIR, type AssetRoots, type AssetLocation } from './safe-path.js';
export { toWareki, parseIsoDate, type IsoDate } from './wareki.js';
export { jisSize, JIS_SIZES, type PageSize } from './page-size.js';
export { outputFileName, type Organisation, type Poster, type PosterIcon, type PolicyFrontMatter, type ProductSpec } from './schema.js';
export type { PressRelease, PressReleaseContact, PressReleaseSection } from './press-release-schema.js';
export { editDistance, suggest } from '../diagnostics/suggest.js';
export { type SourceMap } from './yaml-source.js';
export { loadVariants, variantLabels, VARIANTS_DIR, type VariantInfo, type VariantLoadOptions } from './variants.js';
export { LANGUAGES, LANGUAGE_IDS, type LanguageId } from './variants-languages.js';
export { pickVariants, selectVariants, type VariantLabel, type VariantSelection } from './variants-select.js';
