// Rewrites the "Templates reference" section of README.md from the markup stage's own tables.
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { templateReferenceMarkdown, withTemplatesReference } from '../src/markup/index.js';

const readme = join(import.meta.dirname, '../README.md');
writeFileSync(readme, withTemplatesReference(readFileSync(readme, 'utf8'), templateReferenceMarkdown()));
