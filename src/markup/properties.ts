/**
 * The supported CSS longhands, all registered. Shorthands (shorthands.ts) only expand into
 * these, so the cascade works on longhands alone.
 */
import './props-box.js';
import './props-text.js';
import './props-transform.js';
import './props-image.js';
import './props-writing.js';

export { LONGHANDS, SIDES, type ComputeEnv, type Longhand } from './registry.js';
export { BORDER_STYLES, BORDER_WIDTH_KEYWORDS, CORNERS } from './props-box.js';
export { GENERIC_FAMILIES, LIST_STYLE_TYPES, parseListStyleType } from './props-text.js';
