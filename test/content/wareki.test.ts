import { describe, expect, it } from 'vitest';
import { isUserInputError } from '../../src/diagnostics/diagnostic.js';
import { parseIsoDate, toWareki } from '../../src/content/index.js';

describe('toWareki', () => {
  it('prints the policy date in Reiwa', () => {
    expect(toWareki('2025-08-29')).toBe('令和7年8月29日');
  });

  it.each([
    ['2019-04-30', '平成31年4月30日'],
    ['2019-05-01', '令和元年5月1日'],
    ['2019-12-31', '令和元年12月31日'],
    ['2020-01-01', '令和2年1月1日'],
    ['1989-01-07', '昭和64年1月7日'],
    ['1989-01-08', '平成元年1月8日'],
    ['1990-01-01', '平成2年1月1日'],
    ['1926-12-25', '昭和元年12月25日'],
    ['1912-07-30', '大正元年7月30日'],
    ['1873-01-01', '明治6年1月1日'],
  ])('switches era exactly on the boundary: %s → %s', (iso, expected) => {
    expect(toWareki(iso)).toBe(expected);
  });

  it('rejects impossible and malformed dates, naming the field', () => {
    for (const bad of ['2025-02-30', '2025-8-29', '令和7年8月29日', '1872-12-31', '']) {
      try {
        toWareki(bad, { file: 'content/x/policy.md', line: 4, column: 7, path: 'date' });
        expect.fail(`accepted ${bad}`);
      } catch (e) {
        expect(isUserInputError(e)).toBe(true);
        if (!isUserInputError(e)) throw e;
        expect(e.diagnostics[0]).toMatchObject({
          code: 'content/invalid-date',
          file: 'content/x/policy.md',
          line: 4,
          column: 7,
          path: 'date',
          message: {
            ja: `「date」の日付「${bad}」は和暦にできません。`,
            en: `\`date\` has a date "${bad}" that cannot be converted to the Japanese era calendar.`,
          },
        });
      }
    }
  });

  it('accepts leap days only in leap years', () => {
    expect(parseIsoDate('2024-02-29')).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseIsoDate('2025-02-29')).toBeUndefined();
  });
});
