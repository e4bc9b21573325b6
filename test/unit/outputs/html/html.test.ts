import { describe, expect, it } from 'vitest';
import {
  escapeHtml,
  type HtmlValue,
  html,
  isEmpty,
  SafeHtml,
  trusted,
} from '../../../../src/outputs/html/html.js';
import { jsonForScript, scriptForInline } from '../../../../src/outputs/html/script-text.js';

describe('escapeHtml', () => {
  it('escapes the five characters that matter in bodies and quoted attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&amp;</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;amp;&lt;/a&gt;',
    );
  });
});

describe('html', () => {
  it('escapes interpolated strings and numbers but not the template', () => {
    const name = '<script>alert(1)</script>';
    expect(html`<td class="x">${name}</td><td>${42}</td>`.text).toBe(
      '<td class="x">&lt;script&gt;alert(1)&lt;/script&gt;</td><td>42</td>',
    );
  });

  it('passes SafeHtml through, renders arrays item by item, and skips false/null/undefined', () => {
    const inner = html`<b>${'a&b'}</b>`;
    const rows: HtmlValue[] = ['<1>', inner, false, null, undefined, ['x', html`<i>y</i>`]];
    expect(html`<p>${rows}</p>`.text).toBe('<p>&lt;1&gt;<b>a&amp;b</b>x<i>y</i></p>');
  });

  it('trusts only what is marked trusted', () => {
    expect(html`${trusted('<br>')}${'<br>'}`.text).toBe('<br>&lt;br&gt;');
    expect(trusted('x')).toBeInstanceOf(SafeHtml);
  });

  it('knows an empty fragment', () => {
    expect(isEmpty(html` \n `)).toBe(true);
    expect(isEmpty(html`<p></p>`)).toBe(false);
  });
});

describe('jsonForScript', () => {
  it('leaves no "<" for the HTML parser and parses back to the same value', () => {
    const value = {
      message: '</script><script>alert(1)</script>',
      comment: '<!-- x -->',
      amp: 'a&b',
      sep: '\u2028',
    };
    const text = jsonForScript(value);
    expect(text).not.toMatch(/[<>&\u2028\u2029]/);
    expect(JSON.parse(text)).toEqual(value);
  });
});

describe('scriptForInline', () => {
  it('breaks "</script" and "<!--" in inlined code the way JavaScript strings allow', () => {
    const code = `var a = "</SCRIPT>"; var b = '<!--';`;
    const inlined = scriptForInline(code);
    expect(inlined).toBe(`var a = "<\\/SCRIPT>"; var b = '<\\!--';`);
    // Same meaning to JavaScript: both strings evaluate as before.
    expect(new Function(`${inlined}; return [a, b];`)()).toEqual(['</SCRIPT>', '<!--']);
  });
});
