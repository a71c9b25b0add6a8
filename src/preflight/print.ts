/**
 * Print preflight (入稿前チェック) of ANY PDF — ours or another program's — against the rules
 * in shared/reference/print.md: boxes and 3 mm bleed, CMYK only, registration colour only in
 * the marks, K100 text, total ink, embedded subset fonts, image resolution, and the PDF/X-1a
 * keys with no transparency.
 *
 * pdf-lib is used here as a READER (PDFDocument.load and its object model, decodePDFRawStream
 * for the content streams): preflight is the second legitimate pdf-lib user besides
 * src/render/pdf, and it deliberately imports nothing of our renderer, so that it judges the
 * file as a print shop would, not as we meant to write it.
 */
import {
  PDFArray,
  PDFBool,
  PDFDict,
  PDFDocument,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFObject,
  PDFRawStream,
  PDFRef,
  PDFStream,
  PDFString,
  decodePDFRawStream,
} from 'pdf-lib';
import type { Localized } from '../diagnostics/diagnostic.js';
import { affineOf, applyAffine, concat, type Affine } from '../affine.js';
import { formatMm, mmToPt } from '../units.js';
import { lexContent, type Operand, type Operation } from './content-lexer.js';
import { openPdf, type PdfVersion } from './load.js';

export type PreflightRule = 'boxes' | 'colour-space' | 'registration' | 'text-colour' | 'ink' | 'fonts' | 'images' | 'pdfx';
export const RULES: readonly PreflightRule[] = ['boxes', 'colour-space', 'registration', 'text-colour', 'ink', 'fonts', 'images', 'pdfx'];
export type PreflightStatus = 'pass' | 'warn' | 'fail';

export interface PreflightResult {
  rule: PreflightRule;
  status: PreflightStatus;
  /** 1-based page number. */
  page?: number;
  /** The object concerned, e.g. "Font F1 (Helvetica)" or "content stream op #12 rg". */
  object?: string;
  message: Localized;
}

export interface PrintPreflightOptions {
  /** Total ink limit in percent (default 300). */
  inkLimit?: number;
  /** Minimum effective resolution of colour images in dpi (default 350). */
  minColourDpi?: number;
  /** Minimum effective resolution of greyscale images in dpi (default 600, print.md). */
  minGrayDpi?: number;
}

const BLEED = mmToPt(3);
const EPS = 0.01; // pt
/** A line no wider than this (in pt, on the page) counts as a thin trim-mark line. */
const THIN_LINE = 0.5;
/** At most this many findings of one rule per page are listed; the rest are summarised. */
const MAX_PER_PAGE = 5;

export { UnreadablePdfError } from './load.js';

export async function preflightPrint(bytes: Uint8Array, options: PrintPreflightOptions = {}): Promise<PreflightResult[]> {
  const inkLimit = options.inkLimit ?? 300;
  const minColourDpi = options.minColourDpi ?? 350;
  const minGrayDpi = options.minGrayDpi ?? 600;
  const { doc, version } = await openPdf(bytes);
  const out = new Findings();
  const pages = doc.getPages();
  const seen = { fonts: new Set<string>(), gstates: new Set<string>(), forms: new Set<string>() };
  pages.forEach((page, i) => {
    const pageNo = i + 1;
    const node = page.node;
    checkBoxes(node, pageNo, out);
    const resources = node.Resources();
    const group = node.lookupMaybe(PDFName.of('Group'), PDFDict);
    if (group && nameOf(group.get(PDFName.of('S'))) === 'Transparency') {
      out.add({ rule: 'pdfx', status: 'fail', page: pageNo, object: 'Page /Group', message: { ja: 'ページに透明グループ（/Group /S /Transparency）があります。PDF/X-1a では透明は使えません（分割・統合してください）。', en: 'The page has a transparency group (/Group /S /Transparency); PDF/X-1a allows no transparency (flatten it).' } });
    }
    const content = pageContent(node.Contents(), doc);
    const walker = new ContentWalker(doc, pageNo, node, out, seen, { inkLimit, minColourDpi, minGrayDpi });
    walker.walk(content, resources, identity(), 'content stream', initialState());
  });
  checkDocument(doc, version, bytes, out);
  return out.finish(pages.length);
}

// ---------------------------------------------------------------------------------------------
// Findings

class Findings {
  private readonly items: PreflightResult[] = [];
  private readonly perPage = new Map<string, number>();
  add(r: PreflightResult): void {
    const key = `${r.rule}\u0000${r.page ?? ''}\u0000${r.status}`;
    const count = (this.perPage.get(key) ?? 0) + 1;
    this.perPage.set(key, count);
    if (r.page !== undefined && count > MAX_PER_PAGE) return;
    this.items.push(r);
  }
  finish(pageCount: number): PreflightResult[] {
    const result: PreflightResult[] = [];
    for (const rule of RULES) {
      const mine = this.items.filter((r) => r.rule === rule);
      if (mine.length === 0) {
        result.push({ rule, status: 'pass', message: PASS[rule](pageCount) });
        continue;
      }
      result.push(...mine);
      for (const [key, count] of this.perPage) {
        const [r, page, status] = key.split('\u0000');
        if (r !== rule || page === '' || count <= MAX_PER_PAGE) continue;
        const more = count - MAX_PER_PAGE;
        result.push({
          rule,
          status: status as PreflightStatus,
          page: Number(page),
          message: { ja: `このページには同じ種類の問題がほかに ${more} 件あります。`, en: `${more} more finding(s) of this kind on this page.` },
        });
      }
    }
    return result;
  }
}

const PASS: Record<PreflightRule, (pages: number) => Localized> = {
  boxes: (n) => ({ ja: `全 ${n} ページに TrimBox と 3 mm 以上の塗り足し（BleedBox）があります。`, en: `All ${n} page(s) have a TrimBox and a BleedBox with at least 3 mm bleed.` }),
  'colour-space': () => ({ ja: 'RGB などプロセスカラー以外の色空間は使われていません。', en: 'No RGB or other non-process colour spaces are used.' }),
  registration: () => ({ ja: 'レジストレーションカラー（C100M100Y100K100）はトンボ（仕上がり外の細線）にだけ使われています。', en: 'Registration colour (C100M100Y100K100) is used only for marks (thin lines outside the trim), if at all.' }),
  'text-colour': () => ({ ja: '黒い文字はすべてスミ（K100）です。', en: 'All black text is K100 only.' }),
  ink: () => ({ ja: '総インキ量は上限以内です。', en: 'Total ink is within the limit.' }),
  fonts: () => ({ ja: 'すべてのフォントがサブセットで埋め込まれています。', en: 'All fonts are embedded as subsets.' }),
  images: () => ({ ja: '配置画像の解像度は十分です（または画像がありません）。', en: 'Placed images have enough resolution (or there are none).' }),
  pdfx: () => ({ ja: 'PDF/X-1a の必須キーがそろい、透明はありません。', en: 'The PDF/X-1a keys are present and there is no transparency.' }),
};

// ---------------------------------------------------------------------------------------------
// Boxes

type Rect = { x1: number; y1: number; x2: number; y2: number };

function rectOf(obj: PDFObject | undefined, doc?: PDFDocument): Rect | undefined {
  const arr = obj instanceof PDFRef && doc ? doc.context.lookup(obj) : obj;
  if (!(arr instanceof PDFArray) || arr.size() < 4) return undefined;
  const v = [0, 1, 2, 3].map((i) => numberOf(arr.lookup(i)) ?? NaN);
  if (v.some((x) => !Number.isFinite(x))) return undefined;
  return { x1: Math.min(v[0]!, v[2]!), y1: Math.min(v[1]!, v[3]!), x2: Math.max(v[0]!, v[2]!), y2: Math.max(v[1]!, v[3]!) };
}

/** The (inherited) MediaBox, or undefined when the page has none or a malformed one. */
function mediaBoxOf(node: { MediaBox(): PDFArray }): PDFArray | undefined {
  try {
    return node.MediaBox();
  } catch {
    return undefined;
  }
}

const contains = (outer: Rect, inner: Rect): boolean =>
  inner.x1 >= outer.x1 - EPS && inner.y1 >= outer.y1 - EPS && inner.x2 <= outer.x2 + EPS && inner.y2 <= outer.y2 + EPS;

function checkBoxes(node: PDFDict & { MediaBox(): PDFArray }, page: number, out: Findings): void {
  const media = rectOf(mediaBoxOf(node));
  const trim = rectOf(node.lookup(PDFName.of('TrimBox')));
  const bleed = rectOf(node.lookup(PDFName.of('BleedBox')));
  const art = rectOf(node.lookup(PDFName.of('ArtBox')));
  if (!trim) out.add({ rule: 'boxes', status: 'fail', page, object: 'TrimBox', message: { ja: 'TrimBox（仕上がりサイズ）がありません。', en: 'The page has no TrimBox (the finished size).' } });
  if (!bleed) out.add({ rule: 'boxes', status: 'fail', page, object: 'BleedBox', message: { ja: 'BleedBox（塗り足し）がありません。天地左右 3 mm の塗り足しが必要です。', en: 'The page has no BleedBox; 3 mm of bleed on every side is required.' } });
  if (trim && bleed) {
    const sides = { left: trim.x1 - bleed.x1, bottom: trim.y1 - bleed.y1, right: bleed.x2 - trim.x2, top: bleed.y2 - trim.y2 };
    const least = Math.min(...Object.values(sides));
    const list = Object.entries(sides).map(([k, v]) => `${k} ${formatMm(v)}`).join(', ');
    if (least <= EPS) {
      out.add({ rule: 'boxes', status: 'fail', page, object: 'BleedBox', message: { ja: `塗り足しがない辺があります（${list}）。BleedBox は TrimBox より各辺 3 mm 大きくしてください。`, en: `Some side has no bleed (${list}); the BleedBox must exceed the TrimBox by 3 mm on every side.` } });
    } else if (least < BLEED - EPS) {
      out.add({ rule: 'boxes', status: 'warn', page, object: 'BleedBox', message: { ja: `塗り足しが 3 mm 未満の辺があります（${list}）。`, en: `Bleed is less than 3 mm on some side (${list}).` } });
    }
  }
  if (media && bleed && !contains(media, bleed)) {
    out.add({ rule: 'boxes', status: 'fail', page, object: 'MediaBox', message: { ja: 'BleedBox が MediaBox からはみ出しています。', en: 'The BleedBox extends beyond the MediaBox.' } });
  }
  if (trim && art && !(Math.abs(trim.x1 - art.x1) < EPS && Math.abs(trim.y1 - art.y1) < EPS && Math.abs(trim.x2 - art.x2) < EPS && Math.abs(trim.y2 - art.y2) < EPS)) {
    out.add({ rule: 'boxes', status: 'warn', page, object: 'ArtBox', message: { ja: 'ArtBox が TrimBox と一致しません。', en: 'The ArtBox differs from the TrimBox.' } });
  }
}

// ---------------------------------------------------------------------------------------------
// Content streams

type Matrix = Affine;
const identity = (): Matrix => [1, 0, 0, 1, 0, 0];

type SpaceKind = 'gray' | 'rgb' | 'cmyk' | 'spot' | 'registration' | 'lab' | 'pattern' | 'indexed' | 'unknown';
interface Space {
  kind: SpaceKind;
  /** How it was named, for messages: "DeviceRGB", "ICCBased (N 3)", "/CS0 = Separation All". */
  label: string;
  /** For Indexed: the base. */
  base?: Space;
}
interface Colour {
  space: Space;
  comps: number[];
  /** The operator that set it, e.g. "op #12 k". */
  setBy?: string;
}
interface GState {
  ctm: Matrix;
  fill: Colour;
  stroke: Colour;
  lineWidth: number;
  textRender: number;
}
const DEVICE_GRAY: Space = { kind: 'gray', label: 'DeviceGray' };
const initialState = (): GState => ({
  ctm: identity(),
  fill: { space: DEVICE_GRAY, comps: [0] },
  stroke: { space: DEVICE_GRAY, comps: [0] },
  lineWidth: 1,
  textRender: 0,
});
const cloneState = (s: GState): GState => ({ ...s, ctm: [...s.ctm] as Matrix });

function pageContent(contents: PDFStream | PDFArray | undefined, doc: PDFDocument): Uint8Array {
  if (!contents) return new Uint8Array();
  const streams: PDFObject[] = contents instanceof PDFArray ? contents.asArray().map((o) => doc.context.lookup(o) ?? o) : [contents];
  const parts = streams.map((s) => (s instanceof PDFStream ? streamBytes(s) : new Uint8Array()));
  // Content streams of a page are one stream split anywhere between tokens (§7.8.2).
  const total = parts.reduce((a, p) => a + p.length + 1, 0);
  const all = new Uint8Array(total);
  let at = 0;
  for (const p of parts) {
    all.set(p, at);
    all[at + p.length] = 0x0a;
    at += p.length + 1;
  }
  return all;
}

function streamBytes(s: PDFStream): Uint8Array {
  if (s instanceof PDFRawStream) return decodePDFRawStream(s).decode();
  return s.getContents();
}

interface Limits {
  inkLimit: number;
  minColourDpi: number;
  minGrayDpi: number;
}

class ContentWalker {
  private readonly trim: Rect | undefined;
  constructor(
    private readonly doc: PDFDocument,
    private readonly page: number,
    node: PDFDict,
    private readonly out: Findings,
    private readonly seen: { fonts: Set<string>; gstates: Set<string>; forms: Set<string> },
    private readonly limits: Limits,
  ) {
    this.trim = rectOf(node.lookup(PDFName.of('TrimBox'))) ?? rectOf(mediaBoxOf(node as unknown as { MediaBox(): PDFArray }));
  }

  private lookup(o: PDFObject | undefined): PDFObject | undefined {
    return o instanceof PDFRef ? this.doc.context.lookup(o) : o;
  }

  walk(bytes: Uint8Array, resources: PDFDict | undefined, base: Matrix, where: string, start: GState, depth = 0): void {
    if (depth > 12) return;
    this.checkResources(resources, where === 'content stream' ? '' : `${where} `);
    let ops: Operation[];
    try {
      ops = lexContent(bytes);
    } catch (e) {
      this.out.add({ rule: 'colour-space', status: 'warn', page: this.page, object: where, message: { ja: `内容ストリームを読めませんでした（${(e as Error).message}）。このストリームの色は確認していません。`, en: `Could not read the content stream (${(e as Error).message}); its colours were not checked.` } });
      return;
    }
    let gs = cloneState(start);
    gs.ctm = concat(gs.ctm, base);
    const stack: GState[] = [];
    // Subpaths kept apart: trim marks are often one path whose pieces lie around the whole sheet.
    let path: [number, number][][] = [];
    const extend = (...pts: [number, number][]) => (path.length > 0 ? path[path.length - 1]!.push(...pts) : path.push(pts));
    const obj = (o: Operation): string => `${where} op #${o.index} ${o.op}`;
    const nums = (o: Operation): number[] => o.operands.filter((x) => x.kind === 'number').map((x) => (x as { value: number }).value);

    for (const o of ops) {
      const a = nums(o);
      switch (o.op) {
        case 'q':
          stack.push(cloneState(gs));
          break;
        case 'Q':
          gs = stack.pop() ?? gs;
          break;
        case 'cm': {
          const m = affineOf(a);
          if (m) gs.ctm = concat(m, gs.ctm);
          break;
        }
        case 'w':
          if (a[0] !== undefined) gs.lineWidth = a[0];
          break;
        case 'Tr':
          if (a[0] !== undefined) gs.textRender = a[0];
          break;
        case 'gs':
          break;
        case 'g':
        case 'G':
          this.setColour(gs, o.op === 'g', { space: DEVICE_GRAY, comps: a.slice(0, 1), setBy: `op #${o.index} ${o.op}` });
          break;
        case 'rg':
        case 'RG':
          this.colourSpaceFail(o, obj(o), 'DeviceRGB', a);
          this.setColour(gs, o.op === 'rg', { space: { kind: 'rgb', label: 'DeviceRGB' }, comps: a.slice(0, 3), setBy: `op #${o.index} ${o.op}` });
          break;
        case 'k':
        case 'K':
          this.setColour(gs, o.op === 'k', { space: { kind: 'cmyk', label: 'DeviceCMYK' }, comps: a.slice(0, 4), setBy: `op #${o.index} ${o.op}` });
          break;
        case 'cs':
        case 'CS': {
          const name = o.operands[0]?.kind === 'name' ? o.operands[0].value : '';
          const space = this.resolveSpace(name, resources);
          if (space.kind === 'rgb' || space.kind === 'lab' || (space.kind === 'indexed' && space.base && (space.base.kind === 'rgb' || space.base.kind === 'lab'))) {
            this.colourSpaceFail(o, obj(o), space.label, []);
          }
          const initial = space.kind === 'cmyk' ? [0, 0, 0, 1] : space.kind === 'rgb' || space.kind === 'lab' ? [0, 0, 0] : space.kind === 'gray' ? [0] : [1];
          this.setColour(gs, o.op === 'cs', { space, comps: initial, setBy: `op #${o.index} ${o.op}` });
          break;
        }
        case 'sc':
        case 'scn':
        case 'SC':
        case 'SCN': {
          const fill = o.op === 'sc' || o.op === 'scn';
          const cur = fill ? gs.fill : gs.stroke;
          if (cur.space.kind === 'rgb' || cur.space.kind === 'lab') this.colourSpaceFail(o, obj(o), cur.space.label, a);
          this.setColour(gs, fill, { space: cur.space, comps: a, setBy: `op #${o.index} ${o.op}` });
          break;
        }
        case 'm':
          if (a.length >= 2) path.push([applyAffine(gs.ctm, a[0]!, a[1]!)]);
          break;
        case 'l':
          if (a.length >= 2) extend(applyAffine(gs.ctm, a[0]!, a[1]!));
          break;
        case 'c':
        case 'v':
        case 'y':
          for (let i = 0; i + 1 < a.length; i += 2) extend(applyAffine(gs.ctm, a[i]!, a[i + 1]!));
          break;
        case 're':
          if (a.length >= 4) {
            const [x, y, w, h] = a as [number, number, number, number];
            path.push([applyAffine(gs.ctm, x, y), applyAffine(gs.ctm, x + w, y), applyAffine(gs.ctm, x + w, y + h), applyAffine(gs.ctm, x, y + h)]);
          }
          break;
        case 'S':
        case 's':
          this.paint(obj(o), gs, 'stroke', path);
          path = [];
          break;
        case 'f':
        case 'F':
        case 'f*':
          this.paint(obj(o), gs, 'fill', path);
          path = [];
          break;
        case 'B':
        case 'B*':
        case 'b':
        case 'b*':
          this.paint(obj(o), gs, 'fill', path);
          this.paint(obj(o), gs, 'stroke', path);
          path = [];
          break;
        case 'n':
          path = [];
          break;
        case 'sh':
          this.paint(obj(o), gs, 'shading', []);
          break;
        case 'Tj':
        case 'TJ':
        case "'":
        case '"':
          this.text(obj(o), gs);
          break;
        case 'Do': {
          const name = o.operands[0]?.kind === 'name' ? o.operands[0].value : '';
          this.xobject(name, resources, gs, where, depth, o);
          break;
        }
        case 'BI':
          if (o.inlineImage) this.inlineImage(o, obj(o), gs);
          break;
        default:
          break;
      }
    }
  }

  private setColour(gs: GState, fill: boolean, c: Colour): void {
    if (fill) gs.fill = c;
    else gs.stroke = c;
  }

  private colourSpaceFail(o: Operation, object: string, label: string, comps: number[]): void {
    const values = comps.length ? ` ${comps.map((v) => +v.toFixed(3)).join(' ')}` : '';
    this.out.add({
      rule: 'colour-space',
      status: 'fail',
      page: this.page,
      object,
      message: {
        ja: `RGB 系の色（${label}${values} ${o.op}）が使われています。印刷用 PDF は CMYK（または特色）だけにしてください。`,
        en: `An RGB colour (${label}${values} ${o.op}) is used; a print PDF must use CMYK (or spot colours) only.`,
      },
    });
  }

  /** The colour space a name in `cs`/`CS` stands for. */
  private resolveSpace(name: string, resources: PDFDict | undefined): Space {
    if (name === 'DeviceRGB' || name === 'RGB') return { kind: 'rgb', label: 'DeviceRGB' };
    if (name === 'DeviceCMYK' || name === 'CMYK') return { kind: 'cmyk', label: 'DeviceCMYK' };
    if (name === 'DeviceGray' || name === 'G') return DEVICE_GRAY;
    if (name === 'Pattern') return { kind: 'pattern', label: 'Pattern' };
    const dict = resources?.lookupMaybe(PDFName.of('ColorSpace'), PDFDict);
    const def = this.lookup(dict?.get(PDFName.of(name)));
    const s = def ? this.spaceOf(def) : { kind: 'unknown' as const, label: name };
    return { ...s, label: `/${name} = ${s.label}` };
  }

  /** A colour space object (a name or an array such as [/ICCBased 5 0 R]). */
  spaceOf(def: PDFObject | undefined, depth = 0): Space {
    def = this.lookup(def);
    if (def instanceof PDFName) {
      const n = nameOf(def);
      if (n === 'DeviceRGB' || n === 'RGB') return { kind: 'rgb', label: 'DeviceRGB' };
      if (n === 'DeviceCMYK' || n === 'CMYK') return { kind: 'cmyk', label: 'DeviceCMYK' };
      if (n === 'DeviceGray' || n === 'G') return DEVICE_GRAY;
      if (n === 'Pattern') return { kind: 'pattern', label: 'Pattern' };
      return { kind: 'unknown', label: n ?? '?' };
    }
    if (!(def instanceof PDFArray) || depth > 4) return { kind: 'unknown', label: '?' };
    const family = nameOf(this.lookup(def.get(0)));
    switch (family) {
      case 'ICCBased': {
        const stream = this.lookup(def.get(1));
        const n = stream instanceof PDFStream ? numberOf(this.lookup(stream.dict.get(PDFName.of('N')))) : undefined;
        const kind: SpaceKind = n === 4 ? 'cmyk' : n === 1 ? 'gray' : n === 3 ? 'rgb' : 'unknown';
        return { kind, label: `ICCBased (N ${n ?? '?'})` };
      }
      case 'CalRGB':
        return { kind: 'rgb', label: 'CalRGB' };
      case 'CalGray':
        return { kind: 'gray', label: 'CalGray' };
      case 'Lab':
        return { kind: 'lab', label: 'Lab' };
      case 'Separation': {
        const colorant = nameOf(this.lookup(def.get(1)));
        return colorant === 'All' ? { kind: 'registration', label: 'Separation All' } : { kind: 'spot', label: `Separation ${colorant ?? '?'}` };
      }
      case 'DeviceN':
        return { kind: 'spot', label: 'DeviceN' };
      case 'Indexed':
      case 'I': {
        const base = this.spaceOf(def.get(1), depth + 1);
        return { kind: 'indexed', label: `Indexed ${base.label}`, base };
      }
      case 'Pattern':
        return { kind: 'pattern', label: 'Pattern' };
      default:
        return { kind: 'unknown', label: family ?? '?' };
    }
  }

  /** CMYK of a colour if it is process colour (gray as K), undefined otherwise. */
  private cmyk(c: Colour): [number, number, number, number] | undefined {
    const space = c.space.kind === 'indexed' ? undefined : c.space;
    if (!space) return undefined;
    if (space.kind === 'cmyk' && c.comps.length >= 4) return c.comps.slice(0, 4) as [number, number, number, number];
    if (space.kind === 'gray' && c.comps.length >= 1) return [0, 0, 0, 1 - c.comps[0]!];
    return undefined;
  }

  private isRegistration(c: Colour): boolean {
    if (c.space.kind === 'registration') return (c.comps[0] ?? 1) > 0;
    const k = this.cmyk(c);
    return !!k && k.every((v) => v >= 0.99);
  }

  private describe(c: Colour): string {
    const k = this.cmyk(c);
    if (k) return `C${pct(k[0])} M${pct(k[1])} Y${pct(k[2])} K${pct(k[3])}`;
    return `${c.space.label} ${c.comps.map((v) => +v.toFixed(3)).join(' ')}`.trim();
  }

  private readonly inkReported = new Set<string>();
  private checkInk(c: Colour, object: string): void {
    const k = this.cmyk(c);
    if (!k) return;
    const total = k.reduce((s, v) => s + v, 0) * 100;
    if (total <= this.limits.inkLimit + 0.5) return;
    const stream = object.replace(/ op #\d+ \S+$/, '');
    const key = `${stream}|${c.setBy ?? object}|${this.describe(c)}`;
    if (this.inkReported.has(key)) return;
    this.inkReported.add(key);
    const setBy = c.setBy ?? object.slice(stream.length + 1);
    this.out.add({
      rule: 'ink',
      status: 'fail',
      page: this.page,
      object: `${stream} ${setBy}`,
      message: {
        ja: `総インキ量 ${Math.round(total)}%（${this.describe(c)}）が上限 ${this.limits.inkLimit}% を超えています。`,
        en: `Total ink ${Math.round(total)}% (${this.describe(c)}) exceeds the ${this.limits.inkLimit}% limit.`,
      },
    });
  }

  private paint(object: string, gs: GState, how: 'fill' | 'stroke' | 'shading', path: [number, number][][]): void {
    if (how === 'shading') return; // shadings carry their own colour space: see checkResources
    const c = how === 'fill' ? gs.fill : gs.stroke;
    if (!this.isRegistration(c)) {
      this.checkInk(c, object);
      return;
    }
    const width = gs.lineWidth * Math.sqrt(Math.abs(gs.ctm[0] * gs.ctm[3] - gs.ctm[1] * gs.ctm[2]));
    // Marks are thin strokes outside the trim; some programs draw them as thin filled bars.
    const thin = how === 'stroke' ? width <= THIN_LINE : path.length > 0 && path.every(thinBox);
    const outside = path.length > 0 && path.every((sub) => this.outsideTrim(sub));
    if (thin && outside) return; // a trim mark: neither misuse nor an ink problem
    this.checkInk(c, object);
    const why = !thin
      ? how === 'fill'
        ? { ja: '面の塗りに', en: 'to fill an area' }
        : { ja: `太い線（${width.toFixed(2)} pt）に`, en: `for a ${width.toFixed(2)} pt line (not a thin mark)` }
      : { ja: '仕上がり（TrimBox）の内側に', en: 'inside the trim (TrimBox)' };
    this.registrationFail(object, c, why);
  }

  private registrationFail(object: string, c: Colour, why: Localized): void {
    this.out.add({
      rule: 'registration',
      status: 'fail',
      page: this.page,
      object: c.setBy ? `${object} (colour ${c.setBy})` : object,
      message: {
        ja: `レジストレーションカラー（${this.describe(c)}）が${why.ja}使われています。トンボ専用の色なので絵柄には使えません（黒はスミ K100 に）。`,
        en: `Registration colour (${this.describe(c)}) is used ${why.en}; it is for trim marks only, never artwork (use K100 for black).`,
      },
    });
  }

  /** True when the bounding box of the path has no area in common with the TrimBox. */
  private outsideTrim(path: [number, number][]): boolean {
    if (!this.trim || path.length === 0) return false;
    const xs = path.map((p) => p[0]);
    const ys = path.map((p) => p[1]);
    const b = { x1: Math.min(...xs), y1: Math.min(...ys), x2: Math.max(...xs), y2: Math.max(...ys) };
    const t = this.trim;
    return b.x2 <= t.x1 + EPS || b.x1 >= t.x2 - EPS || b.y2 <= t.y1 + EPS || b.y1 >= t.y2 - EPS;
  }

  private text(object: string, gs: GState): void {
    const mode = gs.textRender;
    const fills = mode === 0 || mode === 2 || mode === 4 || mode === 6;
    const strokes = mode === 1 || mode === 2 || mode === 5 || mode === 6;
    const used = [...(fills ? [gs.fill] : []), ...(strokes ? [gs.stroke] : [])];
    for (const c of used) {
      this.checkInk(c, object);
      if (this.isRegistration(c)) {
        this.registrationFail(object, c, { ja: '文字に', en: 'for text' });
        continue;
      }
      const k = this.cmyk(c);
      const richBlack = k && k[3] >= 0.8 && k[0] + k[1] + k[2] > 0.001;
      const rgbBlack = (c.space.kind === 'rgb' && c.comps.length >= 3 && c.comps.every((v) => v <= 0.2)) || false;
      if (richBlack || rgbBlack) {
        this.out.add({
          rule: 'text-colour',
          status: 'fail',
          page: this.page,
          object: c.setBy ? `${object} (colour ${c.setBy})` : object,
          message: richBlack
            ? { ja: `黒い文字がリッチブラック（${this.describe(c)}）です。版ずれで文字がにじむので、文字の黒はスミ K100（0 0 0 1 k）にしてください。`, en: `Black text is rich black (${this.describe(c)}); misregistration blurs it, so text black must be K100 only (0 0 0 1 k).` }
            : { ja: `黒い文字が RGB（${this.describe(c)}）です。CMYK 変換で4色の黒になります。スミ K100 にしてください。`, en: `Black text is RGB (${this.describe(c)}), which converts to four-colour black; use K100 only.` },
        });
      }
    }
  }

  private xobject(name: string, resources: PDFDict | undefined, gs: GState, where: string, depth: number, o: Operation): void {
    const dict = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
    const ref = dict?.get(PDFName.of(name));
    const x = this.lookup(ref);
    if (!(x instanceof PDFStream)) return;
    const subtype = nameOf(this.lookup(x.dict.get(PDFName.of('Subtype'))));
    const label = `${where === 'content stream' ? '' : `${where} `}Image ${name}`;
    if (subtype === 'Image') {
      this.image(x.dict, label, gs, `${where} op #${o.index} Do`);
      return;
    }
    if (subtype !== 'Form') return;
    const matrix = arrayNumbers(this.lookup(x.dict.get(PDFName.of('Matrix'))));
    const formRes = x.dict.lookupMaybe(PDFName.of('Resources'), PDFDict) ?? resources;
    const group = x.dict.lookupMaybe(PDFName.of('Group'), PDFDict);
    const formWhere = `Form ${name}`;
    if (group && nameOf(group.get(PDFName.of('S'))) === 'Transparency') {
      this.out.add({ rule: 'pdfx', status: 'fail', page: this.page, object: `${formWhere} /Group`, message: { ja: 'フォーム XObject に透明グループがあります。PDF/X-1a では透明は使えません。', en: 'A form XObject has a transparency group; PDF/X-1a allows no transparency.' } });
    }
    let bytes: Uint8Array;
    try {
      bytes = streamBytes(x);
    } catch {
      return;
    }
    const m = affineOf(matrix) ?? identity();
    // The form runs with the current state; its Matrix comes before the CTM.
    const start = cloneState(gs);
    start.ctm = identity();
    this.walk(bytes, formRes, concat(m, gs.ctm), formWhere, start, depth + 1);
  }

  private image(dict: PDFDict, object: string, gs: GState, drawnBy: string): void {
    const w = numberOf(this.lookup(dict.get(PDFName.of('Width'))));
    const h = numberOf(this.lookup(dict.get(PDFName.of('Height'))));
    const isMask = this.lookup(dict.get(PDFName.of('ImageMask'))) === PDFBool.True;
    const space = isMask ? undefined : this.spaceOf(dict.get(PDFName.of('ColorSpace')));
    const smask = dict.get(PDFName.of('SMask'));
    if (smask && !(this.lookup(smask) instanceof PDFName)) {
      this.out.add({ rule: 'pdfx', status: 'fail', page: this.page, object, message: { ja: '画像にソフトマスク（SMask、透明）があります。PDF/X-1a では使えません。', en: 'The image has a soft mask (SMask, transparency); PDF/X-1a does not allow it.' } });
    }
    if (space && (space.kind === 'rgb' || space.kind === 'lab' || (space.kind === 'indexed' && space.base && (space.base.kind === 'rgb' || space.base.kind === 'lab')))) {
      this.out.add({ rule: 'colour-space', status: 'fail', page: this.page, object, message: { ja: `画像が RGB 系（${space.label}）です。CMYK に変換してください。`, en: `The image is in an RGB colour space (${space.label}); convert it to CMYK.` } });
    }
    if (isMask) {
      this.paint(drawnBy, gs, 'fill', [imageCorners(gs.ctm)]);
      return;
    }
    if (w && h) this.resolution(w, h, object, gs, space);
  }

  private inlineImage(o: Operation, object: string, gs: GState): void {
    const d = o.inlineImage!;
    const num = (...keys: string[]): number | undefined => {
      for (const k of keys) {
        const v = d.get(k);
        if (v?.kind === 'number') return v.value;
      }
      return undefined;
    };
    const w = num('W', 'Width');
    const h = num('H', 'Height');
    const mask = d.get('IM') ?? d.get('ImageMask');
    if (mask?.kind === 'bool' && mask.value) return;
    const cs = d.get('CS') ?? d.get('ColorSpace');
    const csName = cs?.kind === 'name' ? cs.value : undefined;
    const space: Space | undefined = csName === 'RGB' || csName === 'DeviceRGB' ? { kind: 'rgb', label: 'DeviceRGB' } : csName === 'G' || csName === 'DeviceGray' ? DEVICE_GRAY : csName === 'CMYK' || csName === 'DeviceCMYK' ? { kind: 'cmyk', label: 'DeviceCMYK' } : undefined;
    if (space?.kind === 'rgb') this.out.add({ rule: 'colour-space', status: 'fail', page: this.page, object, message: { ja: 'インライン画像が RGB です。CMYK に変換してください。', en: 'An inline image is RGB; convert it to CMYK.' } });
    if (w && h) this.resolution(w, h, object, gs, space);
  }

  private resolution(w: number, h: number, object: string, gs: GState, space: Space | undefined): void {
    const m = gs.ctm;
    const widthIn = Math.hypot(m[0], m[1]) / 72;
    const heightIn = Math.hypot(m[2], m[3]) / 72;
    if (widthIn <= 0 || heightIn <= 0) return;
    const dpi = Math.min(w / widthIn, h / heightIn);
    const gray = space?.kind === 'gray';
    const min = gray ? this.limits.minGrayDpi : this.limits.minColourDpi;
    if (dpi + 0.5 >= min) return;
    this.out.add({
      rule: 'images',
      status: 'warn',
      page: this.page,
      object,
      message: {
        ja: `画像の実効解像度が ${Math.round(dpi)} dpi です（${w}×${h} ピクセルを ${(widthIn * 25.4).toFixed(1)}×${(heightIn * 25.4).toFixed(1)} mm に配置）。${gray ? 'グレースケール' : 'カラー'}画像は ${min} dpi 以上が必要です。`,
        en: `The image's effective resolution is ${Math.round(dpi)} dpi (${w}×${h} px placed at ${(widthIn * 25.4).toFixed(1)}×${(heightIn * 25.4).toFixed(1)} mm); ${gray ? 'greyscale' : 'colour'} images need at least ${min} dpi.`,
      },
    });
  }

  /** Fonts, ExtGStates and shadings named in a resource dictionary (once per object). */
  private checkResources(resources: PDFDict | undefined, prefix: string): void {
    if (!resources) return;
    const fonts = resources.lookupMaybe(PDFName.of('Font'), PDFDict);
    for (const [key, value] of fonts?.entries() ?? []) {
      const id = value instanceof PDFRef ? value.toString() : `${this.page}/${prefix}${key.decodeText()}`;
      if (this.seen.fonts.has(id)) continue;
      this.seen.fonts.add(id);
      const font = this.lookup(value);
      if (font instanceof PDFDict) checkFont(this.doc, font, this.page, `${prefix}Font ${key.decodeText()}`, this.out);
    }
    const gstates = resources.lookupMaybe(PDFName.of('ExtGState'), PDFDict);
    for (const [key, value] of gstates?.entries() ?? []) {
      const id = value instanceof PDFRef ? value.toString() : `${this.page}/${prefix}${key.decodeText()}`;
      if (this.seen.gstates.has(id)) continue;
      this.seen.gstates.add(id);
      const g = this.lookup(value);
      if (g instanceof PDFDict) checkExtGState(this.doc, g, this.page, `${prefix}ExtGState ${key.decodeText()}`, this.out);
    }
    const shadings = resources.lookupMaybe(PDFName.of('Shading'), PDFDict);
    for (const [key, value] of shadings?.entries() ?? []) {
      const s = this.lookup(value);
      const dict = s instanceof PDFStream ? s.dict : s instanceof PDFDict ? s : undefined;
      const space = dict ? this.spaceOf(dict.get(PDFName.of('ColorSpace'))) : undefined;
      if (space && (space.kind === 'rgb' || space.kind === 'lab')) {
        this.out.add({ rule: 'colour-space', status: 'fail', page: this.page, object: `${prefix}Shading ${key.decodeText()}`, message: { ja: `グラデーション（シェーディング）が RGB 系（${space.label}）です。`, en: `A shading (gradient) uses an RGB colour space (${space.label}).` } });
      }
    }
  }
}

/** A filled path whose bounding box is no wider than a thin line in one direction. */
function thinBox(path: [number, number][]): boolean {
  if (path.length === 0) return false;
  const xs = path.map((p) => p[0]);
  const ys = path.map((p) => p[1]);
  return Math.min(Math.max(...xs) - Math.min(...xs), Math.max(...ys) - Math.min(...ys)) <= THIN_LINE;
}

const pct = (v: number): number => Math.round(v * 100);

function imageCorners(m: Matrix): [number, number][] {
  return [applyAffine(m, 0, 0), applyAffine(m, 1, 0), applyAffine(m, 1, 1), applyAffine(m, 0, 1)];
}

// ---------------------------------------------------------------------------------------------
// Fonts and graphics states

function checkFont(doc: PDFDocument, font: PDFDict, page: number, object: string, out: Findings): void {
  const lookup = (o: PDFObject | undefined): PDFObject | undefined => (o instanceof PDFRef ? doc.context.lookup(o) : o);
  const subtype = nameOf(lookup(font.get(PDFName.of('Subtype'))));
  const baseFont = nameOf(lookup(font.get(PDFName.of('BaseFont')))) ?? '?';
  const label = `${object} (${baseFont})`;
  if (subtype === 'Type3') {
    out.add({ rule: 'fonts', status: 'warn', page, object: label, message: { ja: 'Type 3 フォントです。印刷所によっては出力できません。', en: 'A Type 3 font; some print shops cannot process it.' } });
    return;
  }
  let described: PDFDict = font;
  if (subtype === 'Type0') {
    const descendants = lookup(font.get(PDFName.of('DescendantFonts')));
    const first = descendants instanceof PDFArray ? lookup(descendants.get(0)) : undefined;
    if (first instanceof PDFDict) described = first;
  }
  const descriptor = lookup(described.get(PDFName.of('FontDescriptor')));
  const embedded = descriptor instanceof PDFDict && ['FontFile', 'FontFile2', 'FontFile3'].some((k) => descriptor.has(PDFName.of(k)));
  if (!embedded) {
    out.add({ rule: 'fonts', status: 'fail', page, object: label, message: { ja: `フォント ${baseFont} が埋め込まれていません。埋め込むかアウトライン化してください。`, en: `Font ${baseFont} is not embedded; embed it or convert the text to outlines.` } });
    return;
  }
  const name = nameOf(lookup(described.get(PDFName.of('BaseFont')))) ?? baseFont;
  if (!/^[A-Z]{6}\+/.test(name)) {
    out.add({ rule: 'fonts', status: 'warn', page, object: label, message: { ja: `フォント ${name} は埋め込まれていますが、サブセット（名前が ABCDEF+ で始まる）ではありません。`, en: `Font ${name} is embedded but not as a subset (its name lacks the ABCDEF+ prefix).` } });
  }
}

function checkExtGState(doc: PDFDocument, g: PDFDict, page: number, object: string, out: Findings): void {
  const lookup = (o: PDFObject | undefined): PDFObject | undefined => (o instanceof PDFRef ? doc.context.lookup(o) : o);
  const problems: string[] = [];
  for (const key of ['CA', 'ca']) {
    const v = numberOf(lookup(g.get(PDFName.of(key))));
    if (v !== undefined && v < 1) problems.push(`/${key} ${v}`);
  }
  const smask = lookup(g.get(PDFName.of('SMask')));
  if (smask !== undefined && !(smask instanceof PDFName && nameOf(smask) === 'None')) problems.push('/SMask');
  const bm = lookup(g.get(PDFName.of('BM')));
  const modes = bm instanceof PDFArray ? bm.asArray().map((x) => nameOf(lookup(x))) : bm !== undefined ? [nameOf(bm)] : [];
  const blend = modes.find((m) => m !== 'Normal' && m !== 'Compatible');
  if (blend !== undefined) problems.push(`/BM /${blend}`);
  if (problems.length === 0) return;
  out.add({ rule: 'pdfx', status: 'fail', page, object, message: { ja: `透明の設定があります（${problems.join(', ')}）。PDF/X-1a では透明は使えません（分割・統合してください）。`, en: `Transparency is set (${problems.join(', ')}); PDF/X-1a allows no transparency (flatten it).` } });
}

// ---------------------------------------------------------------------------------------------
// Document-level PDF/X keys

function checkDocument(doc: PDFDocument, version: PdfVersion, bytes: Uint8Array, out: Findings): void {
  const lookup = (o: PDFObject | undefined): PDFObject | undefined => (o instanceof PDFRef ? doc.context.lookup(o) : o);
  const fail = (object: string, message: Localized): void => out.add({ rule: 'pdfx', status: 'fail', object, message });
  const v = version.text;
  if (version.major > 1 || version.minor > 4) {
    fail('header', { ja: `PDF のバージョンが ${v} です。PDF/X-1a は 1.3 か 1.4 です。`, en: `The PDF version is ${v}; PDF/X-1a requires 1.3 or 1.4.` });
  }
  const catalogVersion = nameOf(lookup(doc.catalog.get(PDFName.of('Version'))));
  if (catalogVersion && Number(catalogVersion) > 1.4) {
    fail('Catalog /Version', { ja: `カタログの /Version が ${catalogVersion} です。PDF/X-1a は 1.4 以下です。`, en: `The catalog's /Version is ${catalogVersion}; PDF/X-1a requires 1.4 or lower.` });
  }
  const text = Buffer.from(bytes).toString('latin1');
  if (/\/Type\s*\/(ObjStm|XRef)\b/.test(text)) {
    fail('cross-reference', { ja: 'オブジェクトストリームまたは相互参照ストリーム（PDF 1.5 の機能）が使われています。PDF/X-1a では使えません。', en: 'Object streams or cross-reference streams (PDF 1.5 features) are used; PDF/X-1a does not allow them.' });
  }
  const trailer = doc.context.trailerInfo;
  if (trailer.Encrypt) fail('trailer /Encrypt', { ja: 'PDF が暗号化されています。PDF/X では使えません。', en: 'The PDF is encrypted; PDF/X does not allow it.' });
  if (!trailer.ID) fail('trailer /ID', { ja: 'トレーラーに /ID がありません。', en: 'The trailer has no /ID.' });
  const intents = lookup(doc.catalog.get(PDFName.of('OutputIntents')));
  const hasPdfx = intents instanceof PDFArray && intents.asArray().some((i) => {
    const d = lookup(i);
    return d instanceof PDFDict && nameOf(lookup(d.get(PDFName.of('S')))) === 'GTS_PDFX';
  });
  if (!hasPdfx) fail('Catalog /OutputIntents', { ja: '出力インテント（/OutputIntents に /S /GTS_PDFX）がありません。', en: 'There is no output intent (/OutputIntents with /S /GTS_PDFX).' });
  const info = lookup(trailer.Info);
  const infoDict = info instanceof PDFDict ? info : undefined;
  const str = (key: string): string | undefined => {
    const o = lookup(infoDict?.get(PDFName.of(key)));
    return o instanceof PDFString || o instanceof PDFHexString ? o.decodeText() : undefined;
  };
  const xv = str('GTS_PDFXVersion');
  if (!xv) fail('Info /GTS_PDFXVersion', { ja: '文書情報に /GTS_PDFXVersion（例: PDF/X-1a:2001）がありません。', en: 'The document info has no /GTS_PDFXVersion (e.g. PDF/X-1a:2001).' });
  else if (!/^PDF\/X-1/.test(xv)) fail('Info /GTS_PDFXVersion', { ja: `/GTS_PDFXVersion が「${xv}」です。PDF/X-1a を指定してください。`, en: `/GTS_PDFXVersion is "${xv}"; PDF/X-1a is expected.` });
  const trapped = nameOf(lookup(infoDict?.get(PDFName.of('Trapped'))));
  if (trapped !== 'True' && trapped !== 'False') {
    fail('Info /Trapped', { ja: `文書情報の /Trapped が ${trapped ? `/${trapped}` : 'ありません'}。/True か /False が必要です。`.replace('が ありません', 'がありません'), en: `The document info's /Trapped is ${trapped ? `/${trapped}` : 'missing'}; /True or /False is required.` });
  }
  if (!str('Title')) fail('Info /Title', { ja: '文書情報に /Title（タイトル）がありません。', en: 'The document info has no /Title.' });
}

// ---------------------------------------------------------------------------------------------
// Small helpers

function nameOf(o: PDFObject | undefined): string | undefined {
  return o instanceof PDFName ? o.decodeText() : undefined;
}
function numberOf(o: PDFObject | undefined): number | undefined {
  return o instanceof PDFNumber ? o.asNumber() : undefined;
}
function arrayNumbers(o: PDFObject | undefined): number[] {
  return o instanceof PDFArray ? o.asArray().map((x) => numberOf(x) ?? 0) : [];
}

export type { Operand };
