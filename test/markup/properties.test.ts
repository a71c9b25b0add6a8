import * as csstree from 'css-tree';
import { describe, expect, it } from 'vitest';
import { PROPERTY_INFO, SUPPORTED_PROPERTIES, parseMarkup } from '../../src/markup/index.js';
import { LONGHANDS } from '../../src/markup/properties.js';
import { INITIAL_STYLE, createStyle } from '../../src/markup/style.js';
import { computeStyle } from '../../src/markup/cascade.js';

describe('supported properties', () => {
  it('lists exactly what templates may use (keep README "Templates" in sync)', () => {
    expect(SUPPORTED_PROPERTIES).toEqual(
      [
        '-kp-fit-min-size',
        'align-content', 'align-items', 'align-self',
        'background', 'background-color',
        'border', 'border-bottom', 'border-bottom-color', 'border-bottom-left-radius', 'border-bottom-right-radius',
        'border-bottom-style', 'border-bottom-width', 'border-color', 'border-left', 'border-left-color',
        'border-left-style', 'border-left-width', 'border-radius', 'border-right', 'border-right-color',
        'border-right-style', 'border-right-width', 'border-style', 'border-top', 'border-top-color',
        'border-top-left-radius', 'border-top-right-radius', 'border-top-style', 'border-top-width', 'border-width',
        'break-after', 'break-before', 'break-inside',
        'color', 'column-gap', 'display',
        'flex', 'flex-basis', 'flex-direction', 'flex-grow', 'flex-shrink', 'flex-wrap',
        'font-family', 'font-size', 'font-weight', 'gap', 'height', 'justify-content',
        'letter-spacing', 'line-break', 'line-height', 'list-style', 'list-style-type',
        'margin', 'margin-bottom', 'margin-left', 'margin-right', 'margin-top',
        'max-height', 'max-width', 'min-height', 'min-width', 'object-fit', 'object-position', 'orphans',
        'padding', 'padding-bottom', 'padding-left', 'padding-right', 'padding-top',
        'page-break-after', 'page-break-before', 'page-break-inside', 'row-gap',
        'text-align', 'text-align-last', 'text-indent', 'text-wrap', 'text-wrap-style',
        'white-space', 'widows', 'width', 'word-break',
        'text-combine-upright', 'writing-mode',
        'transform',
        'hanging-punctuation',
        'text-spacing-trim', 'overflow-wrap',
      ].sort((a, b) => a.localeCompare(b)),
    ); // prettier-ignore
  });

  it('marks inheritance as CSS does', () => {
    const inherited = SUPPORTED_PROPERTIES.filter((p) => PROPERTY_INFO[p]!.inherited);
    expect(inherited).toEqual(
      ['color', 'font-family', 'font-size', 'font-weight', 'letter-spacing', 'line-break', 'line-height', 'list-style', 'list-style-type', 'orphans', 'text-align', 'text-align-last', 'text-indent', 'text-wrap', 'text-wrap-style', 'white-space', 'widows', 'word-break', 'text-combine-upright', 'writing-mode', 'hanging-punctuation', 'text-spacing-trim', 'overflow-wrap'].sort(
        (a, b) => a.localeCompare(b),
      ),
    );
  });

  it('every longhand\'s declared initial value matches the fresh style object', () => {
    const page = { rem: 12, vw: 1, vh: 1 };
    const fresh = computeStyle(new Map(), INITIAL_STYLE, page);
    expect(fresh).toEqual(createStyle(INITIAL_STYLE));
    for (const l of LONGHANDS.values()) {
      const ast = csstree.parse(l.initial, { context: 'value' }) as csstree.Value;
      const spec = l.parse(ast.children.toArray(), { note() {} }, l.initial);
      expect(computeStyle(new Map([[l.name, spec]]), INITIAL_STYLE, page), l.name).toEqual(fresh);
    }
  });

  it('accepts every supported property in a stylesheet without warnings', () => {
    const values: Record<string, string> = {
      display: 'flex', width: '10mm', height: '10mm', 'min-width': '0', 'min-height': 'auto', 'max-width': 'none', 'max-height': '50%',
      margin: '1mm auto', padding: '1mm', border: '1pt solid red', 'border-top': '1pt dotted', 'border-width': '1pt', 'border-style': 'dashed',
      'border-color': 'red', 'border-radius': '2mm', background: '#fff', 'background-color': 'device-cmyk(0 0 0 0.1)', color: 'black',
      'font-family': '"BIZ UDPGothic", sans-serif', 'font-size': '12pt', 'font-weight': '700', 'line-height': '1.5', 'letter-spacing': '0.05em',
      'text-align': 'justify', 'text-align-last': 'start', 'text-indent': '1em', 'line-break': 'strict', 'word-break': 'auto-phrase',
      'text-wrap': 'pretty', 'text-wrap-style': 'balance', 'white-space': 'pre-line', 'list-style-type': '"※"', 'list-style': 'decimal',
      'flex-direction': 'column', 'flex-wrap': 'wrap', flex: '1', 'flex-grow': '2', 'flex-shrink': '0', 'flex-basis': '30%',
      'justify-content': 'center', 'align-items': 'baseline', 'align-self': 'stretch', 'align-content': 'space-around', gap: '2mm',
      'row-gap': '1mm', 'column-gap': '1mm', 'break-before': 'page', 'break-after': 'avoid', 'break-inside': 'avoid',
      'page-break-before': 'always', 'page-break-after': 'auto', 'page-break-inside': 'avoid', orphans: '2', widows: '2', '-kp-fit-min-size': '8pt',
    }; // prettier-ignore
    const decls = SUPPORTED_PROPERTIES.map((p) => `${p}: ${values[p] ?? 'initial'};`).join('\n');
    const d = parseMarkup(`<style>p { ${decls} }</style><p>t</p>`, { file: 'a' });
    expect(d.diagnostics).toEqual([]);
  });
});

describe('template reference', () => {
  it('renders every supported property, element and unit from the parser tables', async () => {
    const { templateReferenceMarkdown, SUPPORTED_ELEMENTS } = await import('../../src/markup/index.js');
    const md = templateReferenceMarkdown();
    for (const p of SUPPORTED_PROPERTIES) expect(md).toContain(`| \`${p}\` |`);
    for (const e of SUPPORTED_ELEMENTS) expect(md).toContain(`\`${e}\``);
    expect(md).toContain('vmax');
  });
});
