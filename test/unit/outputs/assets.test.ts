import { afterEach, describe, expect, it, vi } from 'vitest';
import { pageAssets } from '../../../src/outputs/assets.js';
import { BROWSER_ENTRIES, bundleBrowserScript } from '../../../src/outputs/browser-bundles.js';

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the asset loader', () => {
  it('gives each page uPlot and its own script, bundled from src/ when running without a build', () => {
    for (const name of ['report', 'ui'] as const) {
      const assets = pageAssets(name);
      expect(assets.missing).toEqual([]);
      expect(assets.uplot?.js).toContain('uPlot');
      expect(assets.uplot?.css).toContain('.uplot');
      const script = assets.script as string;
      // One IIFE, valid JavaScript, that cannot end its <script> element early.
      expect(script.trimStart().startsWith('"use strict";\n(() => {') || script.trimStart().startsWith('(() => {')).toBe(true);
      expect(script).not.toMatch(/<\/script|<!--/i);
      expect(() => new Function(script)).not.toThrow();
      // Type-only imports (uPlot's types, the UI's messages) leave nothing behind.
      expect(script).not.toMatch(/\brequire\(|\bimport\s*[{(*"']/);
    }
  });

  it('loads once: the same text on every call, with nothing written to stderr', () => {
    const stderr = vi.spyOn(process.stderr, 'write');
    expect(pageAssets('report').script).toBe(pageAssets('report').script);
    expect(pageAssets('history').uplot).toBe(pageAssets('report').uplot);
    expect(stderr).not.toHaveBeenCalled();
  });

  it('bundles every entry the build knows', () => {
    expect(Object.keys(BROWSER_ENTRIES).sort()).toEqual(['history', 'report', 'ui']);
    const src = new URL('../../../src', import.meta.url).pathname;
    expect(bundleBrowserScript(src, 'report')).toContain('makeTablesSortable');
    expect(bundleBrowserScript(src, 'history')).toContain('regressionMarkers');
  });
});
