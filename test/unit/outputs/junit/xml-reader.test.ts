/** The test reader must reject malformed XML, or the JUnit well-formedness tests prove nothing. */

import { describe, expect, it } from 'vitest';
import { readXml } from './xml-reader.js';

describe('readXml', () => {
  it('reads elements, attributes and decoded text', () => {
    const root = readXml(
      '<?xml version="1.0"?>\n<a x="1 &amp; &lt;2&gt;" y=\'&#10;\'>\n  <b/>t&quot;&#x41;<c></c>\n</a>\n',
    );
    expect(root.name).toBe('a');
    expect(root.attributes).toEqual({ x: '1 & <2>', y: '\n' });
    expect(root.children.map((child) => child.name)).toEqual(['b', 'c']);
    expect(root.text).toBe('\n  t"A\n');
  });

  it.each([
    ['<a><b></a></b>', /does not close/],
    ['<a>', /never closed/],
    ['</a>', /does not close/],
    ['<a/><b/>', /second root/],
    ['text<a/>', /outside the root/],
    ['<a/>text', /outside the root/],
    ['<a x=1/>', /unquoted/],
    ['<a x="1" x="2"/>', /duplicate/],
    ['<a x="<"/>', /'<' in the value/],
    ['<a x="1"y="2"/>', /space before an attribute/],
    ['<a>fish & chips</a>', /bare '&'/],
    ['<a>&nbsp;</a>', /bare '&'/],
    ['<a x="&bogus;"/>', /bare '&'/],
    ['<a>\u0001</a>', /not allowed/],
    ['<a x="\uFFFE"/>', /not allowed/],
    ['<a>]]></a>', /']]>'/],
    ['<a>1 < 2</a>', /expected a name/],
    ['', /no root/],
  ])('rejects %j', (xml, problem) => {
    expect(() => readXml(xml)).toThrow(problem);
  });
});
