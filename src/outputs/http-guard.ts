/**
 * Host and Origin checks for the small HTTP servers volley runs beside a load test (the web UI,
 * the Prometheus endpoint). A server on loopback is reachable from the user's browser, so a web
 * page could aim a name it controls at 127.0.0.1 (DNS rebinding) and then read or drive the
 * server as same-origin; checking that the Host header names this server's own address defeats
 * that. On a non-loopback address the Host a client uses cannot be known (any DNS name may point
 * there), so that check is off and other defences apply (the web UI's token).
 */

import type { IncomingMessage } from 'node:http';
import { isIP } from 'node:net';

/** 127.0.0.0/8, ::1 and their IPv4-mapped forms, and `localhost`. */
export function isLoopbackAddress(address: string): boolean {
  const bare = address.toLowerCase().replace(/^\[|\]$/g, '');
  if (bare === 'localhost' || bare === '::1') return true;
  const v4 = bare.startsWith('::ffff:') ? bare.slice('::ffff:'.length) : bare;
  return isIP(v4) === 4 && v4.startsWith('127.');
}

/** The Host headers that name a server bound to `address:port` on loopback. */
export function loopbackHosts(address: string, port: number): Set<string> {
  const literal = address.includes(':') ? `[${address.toLowerCase()}]` : address;
  const names = ['localhost', '127.0.0.1', '[::1]', literal];
  const hosts = new Set(names.map((name) => `${name}:${port}`));
  // A browser leaves the default port out of Host.
  if (port === 80) for (const name of names) hosts.add(name);
  return hosts;
}

/**
 * Why the request's Host is refused, or null. `allowed` null accepts any Host (a server bound
 * to a non-loopback address).
 */
export function hostProblem(req: IncomingMessage, allowed: ReadonlySet<string> | null): string | null {
  if (allowed === null) return null;
  const host = (req.headers.host ?? '').toLowerCase();
  return allowed.has(host) ? null : 'forbidden: the Host header does not name this server';
}

/**
 * Why a state-changing request's Origin is refused, or null: when a browser sends one, it must
 * be this very server (the Host the request was sent to). Clients without Origin (curl) pass.
 */
export function originProblem(req: IncomingMessage): string | null {
  const origin = req.headers.origin;
  if (origin === undefined) return null;
  let originHost: string;
  try {
    originHost = new URL(origin).host;
  } catch {
    originHost = '';
  }
  const host = (req.headers.host ?? '').toLowerCase();
  return originHost !== '' && originHost === host ? null : 'forbidden: a request from another origin';
}
