/**
 * Just enough XML writing for a JUnit report: elements with attributes, children or text,
 * escaped so any request name, error message or threshold survives. XML 1.0 cannot carry some
 * characters at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF), escaped or not, so they
 * are removed; CR, LF and TAB in attributes become character references, because a parser
 * would otherwise normalise them to spaces.
 */

export interface XmlElement {
  name: string;
  attributes: readonly (readonly [string, string])[];
  children?: readonly XmlElement[];
  /** Character content; an element has either text or children. */
  text?: string;
}

/** Everything outside XML 1.0's `Char` production. */
const ILLEGAL = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/gu;

export function stripIllegalXmlChars(text: string): string {
  return text.replace(ILLEGAL, '');
}

const TEXT_ENTITIES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
  '\r': '&#13;',
};

const ATTRIBUTE_ENTITIES: Record<string, string> = {
  ...TEXT_ENTITIES,
  '\n': '&#10;',
  '\t': '&#9;',
};

export function escapeXmlText(text: string): string {
  return stripIllegalXmlChars(text).replace(/[&<>"'\r]/g, (char) => TEXT_ENTITIES[char] ?? char);
}

export function escapeXmlAttribute(text: string): string {
  return stripIllegalXmlChars(text).replace(/[&<>"'\r\n\t]/g, (char) => ATTRIBUTE_ENTITIES[char] ?? char);
}

const INDENT = '  ';

/** The element and its descendants, two-space indented; text content is written verbatim. */
export function renderXmlElement(element: XmlElement, depth = 0): string {
  const pad = INDENT.repeat(depth);
  const attributes = element.attributes
    .map(([name, value]) => ` ${name}="${escapeXmlAttribute(value)}"`)
    .join('');
  const open = `${pad}<${element.name}${attributes}`;
  if (element.text !== undefined && element.text !== '') {
    return `${open}>${escapeXmlText(element.text)}</${element.name}>\n`;
  }
  const children = element.children ?? [];
  if (children.length === 0) return `${open}/>\n`;
  const inner = children.map((child) => renderXmlElement(child, depth + 1)).join('');
  return `${open}>\n${inner}${pad}</${element.name}>\n`;
}

export const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>\n';
