/**
 * The bundled Okayama content must be the seed text verbatim: these tests compare it with the
 * seed itself (when the shared seed is present) as well as with a few fixed expectations.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadContent, outputFileName, policyTextBlocks, toWareki, type PressReleaseSection } from '../../src/content/index.js';
import { OKAYAMA } from './helpers.js';

const SEED = path.resolve(OKAYAMA, '../../../shared/seeds/000_782b9b3eb84eaaf7.txt');
const seed = existsSync(SEED) ? readFileSync(SEED, 'utf8') : undefined;
/** Seed lines without list markers (「- 」「・」「✓」, roman numerals), blank lines dropped. */
const seedLines = (from: string, to?: string) => {
  const all = seed!.split('\n').map((l) => l.trim());
  const start = all.lastIndexOf(from);
  const end = to === undefined ? all.length : all.indexOf(to, start);
  return all.slice(start + 1, end).map((l) => l.replace(/^- (✓ |・ ?|I{1,3}\. )?/, '')).filter((l) => l !== '');
};

describe('bundled Okayama content', async () => {
  const content = await loadContent(OKAYAMA);

  it('loads without warnings', () => {
    expect(content.warnings).toEqual([]);
  });

  it('describes the organisation', () => {
    expect(content.organisation).toEqual({
      name: '岡山市',
      nameEn: 'Okayama City',
      policyUrl: 'https://www.city.okayama.jp/shisei/0000074924.html',
      issuer: '岡山市',
    });
  });

  it('builds the policy on A4, the poster on A4, A3 and JIS B2, the handout and the desk tents (horizontal and vertical) on A4', () => {
    const files = content.products.flatMap((p) => p.sizes.map((s) => outputFileName(p, s)));
    expect(files).toEqual(['policy.pdf', 'poster-a4.pdf', 'poster-a3.pdf', 'poster-b2.pdf', 'handout.pdf', 'tent.pdf', 'tent-vertical.pdf']);
    const b2 = content.products[1]!.sizes[2]!;
    expect([b2.widthMm, b2.heightMm]).toEqual([515, 728]);
    expect(content.products.map((p) => p.template)).toEqual(['policy', 'poster', 'handout', 'tent', 'tent-vertical']);
  });

  it('keeps the poster wording with full-width punctuation', () => {
    const poster = content.poster!;
    expect(poster.lead).toBe('\uff5eみんなが気持ちよく過ごせるように\uff5e');
    expect(poster.headline).toBe('もしかしたらそれって「カスタマー・ハラスメント」かも\uff1f');
    expect(poster.icons).toEqual([
      { icon: 'megaphone', label: '暴言・大声' },
      { icon: 'hand-coins', label: '過度な要求' },
      { icon: 'triangle-alert', label: '脅迫的な言動' },
      { icon: 'hourglass', label: '長時間の拘束' },
    ]);
    expect(poster.checklist.items).toHaveLength(8);
    expect(poster.checklist.items[0]).toBe('身体的な攻撃\uff08暴行、傷害\uff09');
  });

  it('has the policy front matter and prints its date as 令和7年8月29日', () => {
    const policy = content.policy!;
    expect(policy.title).toBe('岡山市職員に対するカスタマー・ハラスメント対策基本方針');
    expect(policy.signer).toEqual({ title: '岡山市長', name: '大森 雅夫' });
    expect(toWareki(policy.date)).toBe('令和7年8月29日');
  });

  it('renders every policy block with data-src naming its line in policy.md', () => {
    const policy = content.policy!;
    const lines = readFileSync(path.join(OKAYAMA, 'policy.md'), 'utf8').split('\n');
    for (const block of policy.blocks) {
      expect(lines[block.line - 1]).toContain(block.text);
      expect(policy.html).toContain(`data-src="${policy.file}:${block.line}">${block.text}<`);
    }
    expect(policy.html).toContain('<ol data-src=');
    expect(policy.html.match(/<ul /g)).toHaveLength(6); // the 5 + 3 acts stay two lists
  });

  describe.skipIf(!seed)('compared with the seed', () => {
    it('policy body is the seed text, block for block', () => {
      const expected = seedLines('岡山市職員に対するカスタマー・ハラスメント対策基本方針', '令和7年8月29日');
      expect(policyTextBlocks(content.policy!)).toEqual(expected);
    });

    it('poster text is the seed text', () => {
      const p = content.poster!;
      const expected = seedLines('令和7年8月29日').slice(2); // after the mayor's title and name
      const actual = [p.lead, ...p.headline.split(/(?<=それって)/), ...p.icons.map((i) => i.label), p.checklist.title, ...p.checklist.items, p.checklist.source];
      expect(actual).toEqual(expected);
    });

    it('press release strings all occur in the seed', () => {
      const pr = content.pressRelease!;
      const walk = (s: PressReleaseSection): string[] => [
        s.heading, ...(s.paragraphs ?? []), s.url ?? '',
        ...(s.bullets ?? []).flatMap((b) => (typeof b === 'string' ? [b] : [b.text, ...b.numbered])),
        ...(s.sections ?? []).flatMap(walk),
      ];
      const strings = [pr.title, pr.lead, ...pr.sections.flatMap(walk), ...pr.contacts.flatMap((c) => [`(${c.topic})`, c.section, c.people.join('・'), `直通${c.phone}`, `内線${c.extensions!.join('・')}`])];
      for (const s of strings) expect(seed).toContain(s);
      expect(pr.date).toBe('2025-08-29');
    });
  });
});
