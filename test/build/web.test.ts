/**
 * The web flavour of every product (`<name>.web.pdf`): written beside the plain and print
 * files, looking exactly like the plain PDF (same pixels in pdf.js), with the same text; and,
 * when poppler and qpdf are installed (CI), as those tools see it: Tagged: yes, the policy's
 * text in reading order in `pdfinfo -struct-text`, /Lang, /MarkInfo, DisplayDocTitle and
 * pdfuaid:part in `qpdf --json`, and `pdftotext` giving the source text.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadContent, policyTextBlocks, type Content } from '../../src/content/index.js';
import { renderPdfPage } from '../helpers/pdfRender.js';
import { buildInto, OKAYAMA_DIR, orderProblems, squash, type Built } from './support.js';

const has = (tool: string) => spawnSync('sh', ['-c', `command -v ${tool}`]).status === 0;
const POPPLER = has('pdfinfo') && has('pdftotext');
const QPDF = has('qpdf');

describe('web flavour (<name>.web.pdf)', () => {
  let built: Built;
  let content: Content;
  const path = (file: string) => join(built.outDir, 'okayama', file);
  /** The policy's reading text: title, every block of policy.md, date and signer. */
  const policySource = () => {
    const p = content.policy!;
    return [p.title, ...policyTextBlocks(p), '令和7年8月29日', p.signer.title, p.signer.name];
  };

  beforeAll(async () => {
    content = await loadContent(OKAYAMA_DIR);
    built = await buildInto({ contentDirs: [OKAYAMA_DIR] });
  }, 180_000);
  afterAll(() => built?.cleanup());

  it('is written for every product, beside the plain and print PDFs', () => {
    const files = built.result.outputs.map((o) => o.file.split('/').at(-1)!);
    const plain = files.filter((f) => /^[^.]+\.pdf$/.test(f));
    expect(plain.length).toBeGreaterThanOrEqual(7);
    for (const f of plain) expect(files).toContain(f.replace(/\.pdf$/, '.web.pdf'));
  });

  it.each(['policy', 'poster-a4', 'handout', 'tent', 'tent-vertical'])('%s.web.pdf looks exactly like the plain PDF', async (name) => {
    const plain = await renderPdfPage(built.read('okayama', `${name}.pdf`), 1, 0.75);
    const web = await renderPdfPage(built.read('okayama', `${name}.web.pdf`), 1, 0.75);
    expect([web.width, web.height]).toEqual([plain.width, plain.height]);
    let differing = 0;
    for (let i = 0; i < plain.data.length; i++) if (plain.data[i] !== web.data[i]) differing++;
    expect(differing).toBe(0);
  });

  it.runIf(POPPLER)('pdfinfo: Tagged: yes, PDF 1.7; -struct-text holds the policy text in reading order', () => {
    const info = execFileSync('pdfinfo', [path('policy.web.pdf')], { encoding: 'utf8' });
    expect(info).toMatch(/^Tagged:\s+yes$/m);
    expect(info).toMatch(/^PDF version:\s+1\.7$/m);
    const struct = execFileSync('pdfinfo', ['-struct-text', path('policy.web.pdf')], { encoding: 'utf8' });
    expect(struct).toMatch(/^Document$/m);
    expect(orderProblems(struct, policySource())).toEqual([]);
  });

  it.runIf(POPPLER)('pdftotext: the text is the source text once whitespace, labels and page numbers are removed', () => {
    const text = execFileSync('pdftotext', ['-enc', 'UTF-8', path('policy.web.pdf'), '-'], { encoding: 'utf8' });
    const source = policySource().map(squash);
    let rest = squash(text);
    const gaps: string[] = [];
    for (const block of source) {
      const at = rest.indexOf(block);
      expect(at, `missing: ${block}`).toBeGreaterThanOrEqual(0);
      gaps.push(rest.slice(0, at));
      rest = rest.slice(at + block.length);
    }
    gaps.push(rest);
    // Between the blocks only the list labels (・, I., II. …) and the page numbers ("1/2").
    expect(gaps.filter((g) => g !== '' && !/^(・|[IVX]+\.|\d+\/\d+)+$/u.test(g))).toEqual([]);
    // And every web PDF extracts exactly as its plain PDF.
    for (const name of ['poster-a4', 'handout', 'tent', 'tent-vertical']) {
      const of = (f: string) => squash(execFileSync('pdftotext', ['-enc', 'UTF-8', path(f), '-'], { encoding: 'utf8' }));
      expect(of(`${name}.web.pdf`), name).toBe(of(`${name}.pdf`));
    }
  });

  it.runIf(QPDF)('qpdf --json: /Lang, /MarkInfo, DisplayDocTitle and XMP pdfuaid:part 1', () => {
    const json = JSON.parse(
      execFileSync('qpdf', ['--json', '--json-stream-data=inline', path('policy.web.pdf')], { encoding: 'utf8', maxBuffer: 64 << 20 }),
    ) as { qpdf: [unknown, Record<string, { value?: Record<string, unknown>; stream?: { dict: Record<string, unknown>; data?: string } }>] };
    const objects = json.qpdf[1];
    const trailer = objects['trailer']!.value as { '/Root': string };
    const catalog = objects[`obj:${trailer['/Root']}`]!.value!;
    expect(catalog['/Lang']).toBe('u:ja');
    expect(catalog['/MarkInfo']).toEqual({ '/Marked': true });
    const direct = (v: unknown) => (typeof v === 'string' && / R$/.test(v) ? objects[`obj:${v}`]!.value : v) as Record<string, unknown>;
    expect(direct(catalog['/ViewerPreferences'])['/DisplayDocTitle']).toBe(true);
    expect(catalog['/PageMode']).toBe('/UseOutlines');
    const metadata = objects[`obj:${catalog['/Metadata'] as string}`]!.stream!;
    const xmp = Buffer.from(metadata.data!, 'base64').toString('utf8');
    expect(xmp).toMatch(/<pdfuaid:part>1<\/pdfuaid:part>/);
    expect(xmp).toContain(`<rdf:li xml:lang="x-default">${content.policy!.title}</rdf:li>`);
  });
});
