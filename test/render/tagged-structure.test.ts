/**
 * The web flavour's logical structure as pdf.js reads it (page.getStructTree, marked content):
 * the policy is H1, then its H2s in order, with L/LI/Lbl/LBody for the pillars and examples;
 * the poster's check-list items are LI and its icons Figures with their labels; heading
 * levels never skip; the tagged text is the source text, artifacts are only page numbers.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent, policyTextBlocks, type Content } from '../../src/content/index.js';
import { buildInto, OKAYAMA_DIR, type Built } from '../build/support.js';
import { flatten, readTagged, squash, type TaggedPdf, type TreeNode } from './tagged-support.js';

const HEADING = /^H([1-6])$/;

describe('tagged structure of the web PDFs (pdf.js)', () => {
  let built: Built;
  let content: Content;
  let policy: TaggedPdf;
  let poster: TaggedPdf;
  let handout: TaggedPdf;
  const nodes = (t: TaggedPdf): TreeNode[] => t.pages.flatMap(flatten);

  beforeAll(async () => {
    content = await loadContent(OKAYAMA_DIR);
    built = await buildInto({ contentDirs: [OKAYAMA_DIR], products: ['policy', 'poster', 'handout'] });
    policy = await readTagged(built.read('okayama', 'policy.web.pdf'));
    poster = await readTagged(built.read('okayama', 'poster-a4.web.pdf'));
    handout = await readTagged(built.read('okayama', 'handout.web.pdf'));
  }, 120_000);
  afterAll(() => built?.cleanup());

  it('policy: the title is the one H1, then the ## sections of policy.md as H2s, in order', () => {
    const headings = nodes(policy).filter((n) => HEADING.test(n.role));
    expect(headings[0]!.role).toBe('H1');
    expect(squash(headings[0]!.text)).toBe(squash(content.policy!.title));
    expect(headings.filter((h) => h.role === 'H1')).toHaveLength(1);
    const md = readFileSync(join(OKAYAMA_DIR, 'policy.md'), 'utf8');
    const sections = [...md.matchAll(/^## (.+)$/gm)].map((m) => squash(m[1]!));
    expect(sections.length).toBeGreaterThanOrEqual(3);
    expect(headings.filter((h) => h.role === 'H2').map((h) => squash(h.text))).toEqual(sections);
  });

  it('policy: the pillars are an L of three LI, each a label (I., II., III.) and a body', () => {
    const all = nodes(policy);
    const at = all.findIndex((n) => HEADING.test(n.role) && squash(n.text).includes('3つの柱'));
    const list = all.slice(at).find((n) => n.role === 'L')!;
    expect(list.children.map((c) => c.role)).toEqual(['LI', 'LI', 'LI']);
    expect(list.children.map((li) => li.children.map((c) => c.role))).toEqual([['Lbl', 'LBody'], ['Lbl', 'LBody'], ['Lbl', 'LBody']]);
    expect(list.children.map((li) => li.children[0]!.text)).toEqual(['I.', 'II.', 'III.']);
    const md = readFileSync(join(OKAYAMA_DIR, 'policy.md'), 'utf8');
    const pillars = [...md.matchAll(/^\d\. (.+)$/gm)].map((m) => m[1]!);
    expect(list.children.map((li) => squash(li.children[1]!.text))).toEqual(pillars.map(squash));
  });

  it('policy: every "- example" of policy.md is the body of an LI', () => {
    const bodies = new Set(nodes(policy).filter((n) => n.role === 'LBody').map((n) => squash(n.text)));
    const md = readFileSync(join(OKAYAMA_DIR, 'policy.md'), 'utf8');
    const examples = [...md.matchAll(/^- (.+)$/gm)].map((m) => squash(m[1]!));
    expect(examples.length).toBeGreaterThan(10);
    expect(examples.filter((e) => !bodies.has(e))).toEqual([]);
  });

  it('heading levels never skip (policy, poster, handout), although policy.md goes from ## to ####', () => {
    for (const t of [policy, poster, handout]) {
      const levels = nodes(t).filter((n) => HEADING.test(n.role)).map((n) => Number(HEADING.exec(n.role)![1]));
      expect(levels[0]).toBe(1);
      levels.forEach((l, i) => expect(l).toBeLessThanOrEqual((levels[i - 1] ?? 0) + 1));
    }
  });

  it('poster: the check-list items are the LI of one list, in order; the icons are Figures with their labels', () => {
    const all = nodes(poster);
    const title = all.findIndex((n) => n.role === 'H2' && n.text === content.poster!.checklist.title);
    expect(title).toBeGreaterThan(0);
    const list = all.slice(title).find((n) => n.role === 'L')!;
    expect(list.children.every((c) => c.role === 'LI')).toBe(true);
    expect(list.children.map((li) => squash(li.text))).toEqual(content.poster!.checklist.items.map(squash));
    const figures = all.filter((n) => n.role === 'Figure');
    expect(figures.map((f) => f.alt)).toEqual([...content.poster!.icons.map((i) => i.label), content.organisation.policyUrl]);
  });

  it('policy: the tagged text, labels aside, is the source text; only the page numbers are artifacts', () => {
    const p = content.policy!;
    const source = [p.title, ...policyTextBlocks(p), '令和7年8月29日', p.signer.title, p.signer.name].join('');
    const text = policy.tagged.flat().filter((x) => x.tag !== 'Lbl').map((x) => x.str).join('');
    expect(squash(text)).toBe(squash(source));
    expect(policy.artifacts.map(squash).filter(Boolean)).toEqual(policy.pages.map((_, i) => `${i + 1}/${policy.pages.length}`));
  });

  it('handout: the policy URL is a Link with a link annotation', () => {
    const link = nodes(handout).find((n) => n.role === 'Link')!;
    expect(link.text).toBe(content.organisation.policyUrl);
    expect(link.refs.length).toBeGreaterThanOrEqual(2); // its marked content and the annotation (OBJR)
  });

  it('policy.web.pdf is at most 150 KB', () => {
    expect(built.read('okayama', 'policy.web.pdf').length).toBeLessThanOrEqual(150 * 1024);
  });
});
