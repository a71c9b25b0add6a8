/** List marker text for CSS list-style-type values (CSS Counter Styles, the subset we support). */
export function markerText(type: string, index: number): string | undefined {
  switch (type) {
    case 'none':
      return undefined;
    case 'disc':
      return '•';
    case 'circle':
      return '○';
    case 'square':
      return '■';
    case 'decimal':
      return `${index}.`;
    case 'cjk-decimal':
      return `${cjkDecimal(index)}、`;
    case 'upper-roman':
      return `${roman(index)}.`;
    case 'lower-roman':
      return `${roman(index).toLowerCase()}.`;
    case 'upper-alpha':
    case 'upper-latin':
      return `${String.fromCharCode(64 + ((index - 1) % 26) + 1)}.`;
    case 'lower-alpha':
    case 'lower-latin':
      return `${String.fromCharCode(96 + ((index - 1) % 26) + 1)}.`;
    case 'parenthesized-decimal':
      return `(${index})`;
    default: {
      // A quoted string such as "・" (CSS Lists 3: <string> markers are used as is).
      const m = /^["'](.*)["']$/.exec(type);
      return m ? m[1] : type;
    }
  }
}

function roman(n: number): string {
  const table: [number, string][] = [
    [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
    [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
  ];
  let out = '';
  for (const [value, symbol] of table) {
    while (n >= value) {
      out += symbol;
      n -= value;
    }
  }
  return out;
}

function cjkDecimal(n: number): string {
  return String(n).replace(/\d/g, (d) => '〇一二三四五六七八九'[Number(d)]!);
}
