/**
 * What the page posts, read and checked: the start form (`api/start`) and a new load for the
 * running test (`api/load`). Each answers with the value, or the message the page shows beside
 * its form.
 */

import type { IncomingMessage } from 'node:http';
import type { UiLoadChange, UiStartForm } from './ui-messages.js';

const MAX_BODY_BYTES = 4096;

export function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > MAX_BODY_BYTES) {
        reject(new Error('request body too large'));
        req.destroy();
      }
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

function jsonObject(body: string, what: string): Record<string, unknown> | string {
  let value: unknown;
  try {
    value = JSON.parse(body);
  } catch {
    return `the ${what} must be JSON`;
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `the ${what} must be a JSON object`;
  return value as Record<string, unknown>;
}

/** Users and spawn rate as both forms post them, or what is wrong with them. */
function loadFields(form: Record<string, unknown>): UiLoadChange | string {
  const users = Number(form.users);
  const spawnRate = Number(form.spawnRate);
  if (!Number.isInteger(users) || users < 1) return `Number of users: expected a whole number >= 1, got '${String(form.users)}'`;
  if (!Number.isFinite(spawnRate) || spawnRate <= 0) return `Spawn rate: expected a number of users per second > 0, got '${String(form.spawnRate)}'`;
  return { users, spawnRate };
}

/** The posted start form, or what is wrong with it. */
export function parseForm(body: string): UiStartForm | string {
  const form = jsonObject(body, 'form');
  if (typeof form === 'string') return form;
  const load = loadFields(form);
  if (typeof load === 'string') return load;
  const runTime = typeof form.runTime === 'string' ? form.runTime.trim() : '';
  const host = typeof form.host === 'string' ? form.host.trim() : '';
  if (!/^https?:\/\/./i.test(host)) return `Host: expected an http:// or https:// URL, got '${host}'`;
  const classes = form.userClasses;
  if (classes === undefined) return { ...load, runTime, host };
  if (!Array.isArray(classes) || classes.some((name) => typeof name !== 'string' || name === ''))
    return 'User classes: expected a list of class names';
  if (classes.length === 0) return 'User classes: tick at least one user class to run';
  return { ...load, runTime, host, userClasses: [...new Set(classes as string[])] };
}

/** A new load for the running test, or what is wrong with it. */
export function parseLoadChange(body: string): UiLoadChange | string {
  const form = jsonObject(body, 'new load');
  return typeof form === 'string' ? form : loadFields(form);
}
