/**
 * volley's version, read from its package.json once, for the Result and the User-Agent header.
 */

import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageRoot } from './core/package-files.js';

function readVersion(): string {
  try {
    const pkg = JSON.parse(readFileSync(join(packageRoot(), 'package.json'), 'utf8')) as {
      version?: string;
    };
    return pkg.version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

export const VERSION = readVersion();
