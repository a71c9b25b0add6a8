/**
 * PDF literal strings (ISO 32000-1 §7.3.4.2) for ASCII values such as URIs and language tags.
 * pdf-lib's PDFString.of writes its value between parentheses as it is, so a ")" or an
 * unbalanced "(" in the value would end the string early and corrupt the object; a backslash
 * would start an escape. Text for people (titles, alt text) goes in PDFHexString instead.
 */
import { PDFString } from 'pdf-lib';

export function literalString(value: string): PDFString {
  return PDFString.of(value.replace(/[\\()]/g, '\\$&'));
}
