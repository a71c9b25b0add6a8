import { describe, expect, it } from 'vitest';
import { editDistance, suggest } from '../../src/diagnostics/suggest.js';

describe('suggest', () => {
  it('finds a misspelt field name', () => {
    expect(suggest('headlin', ['lead', 'headline', 'icons', 'checklist'])).toBe('headline');
    expect(suggest('Titel', ['title', 'items', 'source'])).toBe('title');
  });

  it('suggests nothing when no candidate is close', () => {
    expect(suggest('colour', ['lead', 'headline', 'icons'])).toBeUndefined();
  });

  it('measures edits', () => {
    expect(editDistance('kitten', 'sitting')).toBe(3);
    expect(editDistance('', 'abc')).toBe(3);
  });
});
