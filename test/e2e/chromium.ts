/**
 * The Debian Chromium the browser tests drive through playwright-core, launched quietly: a fresh
 * profile in a temporary folder, and every background service that would reach the network
 * switched off, so a test can assert that the page itself made no request.
 */

import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

export const CHROMIUM_PATH = '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export const HAS_CHROMIUM = existsSync(CHROMIUM_PATH);

export interface LaunchedChromium {
  context: BrowserContext;
  close(): Promise<void>;
}

/** A persistent context on a fresh `--user-data-dir`, removed again by `close()`. */
export async function launchChromium(options: { colorScheme?: 'light' | 'dark'; width?: number } = {}) {
  const profile = await mkdtemp(join(tmpdir(), 'volley-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: options.width ?? 1400, height: 900 },
    colorScheme: options.colorScheme ?? 'light',
  });
  return {
    context,
    close: async () => {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  } satisfies LaunchedChromium;
}
