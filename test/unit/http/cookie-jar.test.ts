import { describe, expect, it } from 'vitest';
import { CookieJar } from '../../../src/protocols/http/cookie-jar.js';

const NOW = Date.UTC(2025, 0, 1);

describe('CookieJar', () => {
  it('sends a host-only cookie back to exactly the host that set it', () => {
    const jar = new CookieJar();
    jar.store(['sid=abc; Path=/; HttpOnly'], 'api.example.com', '/login', NOW);
    expect(jar.size).toBe(1);
    expect(jar.header('api.example.com', '/x', false, NOW)).toBe('sid=abc');
    expect(jar.header('API.example.com', '/x', false, NOW)).toBe('sid=abc');
    expect(jar.header('example.com', '/x', false, NOW)).toBeUndefined();
    expect(jar.header('sub.api.example.com', '/x', false, NOW)).toBeUndefined();
  });

  it('sends a Domain cookie to that domain and its subdomains, and refuses foreign domains', () => {
    const jar = new CookieJar();
    jar.store(['d=1; Domain=.example.com', 'evil=1; Domain=other.com'], 'www.example.com', '/', NOW);
    expect(jar.size).toBe(1);
    expect(jar.header('example.com', '/', false, NOW)).toBe('d=1');
    expect(jar.header('a.b.example.com', '/', false, NOW)).toBe('d=1');
    expect(jar.header('notexample.com', '/', false, NOW)).toBeUndefined();
    expect(jar.header('other.com', '/', false, NOW)).toBeUndefined();
  });

  it('refuses a Domain attribute on an IP host other than the IP itself', () => {
    const jar = new CookieJar();
    jar.store(['a=1; Domain=0.0.1', 'b=2; Domain=127.0.0.1'], '127.0.0.1', '/', NOW);
    expect(jar.header('127.0.0.1', '/', false, NOW)).toBe('b=2');
  });

  it('scopes by path: explicit Path, the default path, and prefix matching at a slash', () => {
    const jar = new CookieJar();
    jar.store(['a=1; Path=/api'], 'h', '/', NOW);
    jar.store(['b=2'], 'h', '/account/login?next=/x', NOW); // default path /account
    expect(jar.header('h', '/api', false, NOW)).toBe('a=1');
    expect(jar.header('h', '/api/items', false, NOW)).toBe('a=1');
    expect(jar.header('h', '/apix', false, NOW)).toBeUndefined();
    expect(jar.header('h', '/account/settings', false, NOW)).toBe('b=2');
    expect(jar.header('h', '/accounts', false, NOW)).toBeUndefined();
    expect(jar.header('h', '/', false, NOW)).toBeUndefined();
  });

  it('orders longer paths first, replaces a cookie with the same name and path', () => {
    const jar = new CookieJar();
    jar.store(['a=root; Path=/', 'a=deep; Path=/x/y', 'b=1; Path=/x'], 'h', '/', NOW);
    expect(jar.header('h', '/x/y/z', false, NOW)).toBe('a=deep; b=1; a=root');
    jar.store(['a=new; Path=/'], 'h', '/', NOW);
    expect(jar.size).toBe(3);
    expect(jar.header('h', '/', false, NOW)).toBe('a=new');
  });

  it('sends Secure cookies only over https', () => {
    const jar = new CookieJar();
    jar.store(['s=1; Secure', 'p=2'], 'h', '/', NOW);
    expect(jar.header('h', '/', false, NOW)).toBe('p=2');
    expect(jar.header('h', '/', true, NOW)).toBe('s=1; p=2');
  });

  it('honours Max-Age (over Expires), Expires, and deletion by Max-Age=0 or a past date', () => {
    const jar = new CookieJar();
    jar.store(
      [
        'm=1; Max-Age=60; Expires=Wed, 01 Jan 2020 00:00:00 GMT',
        'e=2; Expires=Thu, 02 Jan 2025 00:00:00 GMT',
      ],
      'h',
      '/',
      NOW,
    );
    expect(jar.header('h', '/', false, NOW)).toBe('m=1; e=2');
    expect(jar.header('h', '/', false, NOW + 59_000)).toBe('m=1; e=2');
    expect(jar.header('h', '/', false, NOW + 61_000)).toBe('e=2');
    expect(jar.size).toBe(1);
    jar.store(['e=gone; Max-Age=0'], 'h', '/', NOW);
    expect(jar.header('h', '/', false, NOW)).toBeUndefined();
    expect(jar.size).toBe(0);
    jar.store(['x=1'], 'h', '/', NOW);
    jar.store(['x=; Expires=Thu, 01 Jan 1970 00:00:00 GMT'], 'h', '/', NOW);
    expect(jar.size).toBe(0);
  });

  it('ignores lines without a name=value pair and keeps values verbatim', () => {
    const jar = new CookieJar();
    jar.store(['novalue', '=x', 'tok="a b=c"; Path=/'], 'h', '/', NOW);
    expect(jar.header('h', '/', false, NOW)).toBe('tok="a b=c"');
    jar.clear();
    expect(jar.header('h', '/', false, NOW)).toBeUndefined();
  });
});
