import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { templateReferenceMarkdown, withTemplatesReference } from '../../src/markup/index.js';

describe('README templates reference', () => {
  it('matches what the markup stage supports (run `npm run docs` after changing it)', () => {
    const readme = readFileSync(join(import.meta.dirname, '../../README.md'), 'utf8');
    expect(withTemplatesReference(readme, templateReferenceMarkdown())).toBe(readme);
  });
});
