/**
 * A minimal, strict XML reader for tests, so the JUnit report is checked by parsing rather than
 * by eye, with no dependency: it rejects what a conforming parser rejects in the subset we write
 * (unbalanced or mismatched tags, unquoted or duplicate attributes, `<` in attribute values,
 * bare `&`, unknown entities, characters outside XML 1.0, text or a second element outside the
 * root) and returns the element tree with entities decoded, so tests can read values back.
 */

export interface XmlNode {
  name: string;
  attributes: Record<string, string>;
  children: XmlNode[];
  text: string;
}

const NAME = /[A-Za-z_:][\w.:-]*/y;
const LEGAL = /^[\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]*$/u;
const REFERENCE = /&(?:(amp|lt|gt|quot|apos)|#(\d+)|#x([0-9a-fA-F]+));/y;
const NAMED: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

class XmlSyntaxError extends Error {}

function decode(raw: string, where: string): string {
  if (!LEGAL.test(raw)) throw new XmlSyntaxError(`character not allowed in XML 1.0 in ${where}`);
  let out = '';
  for (let i = 0; i < raw.length; ) {
    const char = raw[i] as string;
    if (char !== '&') {
      out += char;
      i += 1;
      continue;
    }
    REFERENCE.lastIndex = i;
    const match = REFERENCE.exec(raw);
    if (match === null) throw new XmlSyntaxError(`bare '&' or unknown entity in ${where}`);
    const [whole, named, decimal, hex] = match;
    out +=
      named !== undefined
        ? NAMED[named]
        : String.fromCodePoint(Number.parseInt(decimal ?? hex ?? '', decimal ? 10 : 16));
    i += whole.length;
  }
  return out;
}

export function readXml(xml: string): XmlNode {
  let at = 0;
  const stack: XmlNode[] = [];
  let root: XmlNode | undefined;

  const fail = (message: string): never => {
    throw new XmlSyntaxError(`${message} at offset ${at}`);
  };
  const readName = (): string => {
    NAME.lastIndex = at;
    const match = NAME.exec(xml);
    if (match === null) return fail('expected a name');
    at += match[0].length;
    return match[0];
  };
  const skipSpace = (): boolean => {
    const start = at;
    while (/\s/.test(xml[at] ?? '')) at += 1;
    return at > start;
  };

  if (xml.startsWith('<?xml')) {
    const end = xml.indexOf('?>');
    if (end === -1) fail('unterminated declaration');
    at = end + 2;
  }
  while (at < xml.length) {
    const next = xml.indexOf('<', at);
    const text = xml.slice(at, next === -1 ? xml.length : next);
    const parent = stack.at(-1);
    if (parent === undefined) {
      if (text.trim() !== '') fail('text outside the root element');
    } else {
      if (text.includes(']]>')) fail("']]>' in text");
      parent.text += decode(text, `<${parent.name}> text`);
    }
    if (next === -1) break;
    at = next + 1;
    if (xml[at] === '/') {
      at += 1;
      const name = readName();
      skipSpace();
      if (xml[at] !== '>') fail(`expected '>' closing </${name}`);
      at += 1;
      const open = stack.pop();
      if (open?.name !== name) fail(`</${name}> does not close <${open?.name ?? 'nothing'}>`);
      continue;
    }
    if (root !== undefined && stack.length === 0) fail('a second root element');
    const node: XmlNode = { name: readName(), attributes: {}, children: [], text: '' };
    for (;;) {
      const spaced = skipSpace();
      if (xml[at] === '/' || xml[at] === '>') break;
      if (!spaced) fail(`expected a space before an attribute of <${node.name}>`);
      const attribute = readName();
      skipSpace();
      if (xml[at] !== '=') fail(`expected '=' after ${attribute}`);
      at += 1;
      skipSpace();
      const quote = xml[at];
      if (quote !== '"' && quote !== "'") return fail(`unquoted value of ${attribute}`);
      const end = xml.indexOf(quote, at + 1);
      if (end === -1) fail(`unterminated value of ${attribute}`);
      const raw = xml.slice(at + 1, end);
      if (raw.includes('<')) fail(`'<' in the value of ${attribute}`);
      if (attribute in node.attributes) fail(`duplicate attribute ${attribute}`);
      node.attributes[attribute] = decode(raw, `attribute ${attribute}`);
      at = end + 1;
    }
    stack.at(-1)?.children.push(node);
    root ??= node;
    if (xml[at] === '/') {
      at += 1;
      if (xml[at] !== '>') fail("expected '>' after '/'");
    } else {
      stack.push(node);
    }
    at += 1;
  }
  if (stack.length > 0) fail(`<${stack.at(-1)?.name}> is never closed`);
  if (root === undefined) return fail('no root element');
  return root;
}

/** Every descendant named `name`, in document order. */
export function findAll(node: XmlNode, name: string): XmlNode[] {
  return node.children.flatMap((child) => [...(child.name === name ? [child] : []), ...findAll(child, name)]);
}
