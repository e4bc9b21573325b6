/**
 * The asset loader's failure policy: a page whose asset cannot be read is written without it,
 * says so in the page, and the missing asset is named once in a warning on stderr.
 */

import { describe, expect, it, vi } from 'vitest';

const broken = vi.hoisted(() => ({ uplot: true }));

vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const readFileSync = ((path: Parameters<typeof fs.readFileSync>[0], ...rest: unknown[]) => {
    if (broken.uplot && String(path).includes('uPlot')) throw new Error(`ENOENT: no such file or directory, open '${String(path)}'`);
    return (fs.readFileSync as (...args: unknown[]) => unknown)(path, ...rest);
  }) as typeof fs.readFileSync;
  return { ...fs, default: { ...fs, readFileSync }, readFileSync };
});

const { pageAssets } = await import('../../../src/outputs/assets.js');
const { renderHtmlReport } = await import('../../../src/outputs/html/index.js');
const { renderUiPage } = await import('../../../src/ui/page.js');
const { fixtureResult } = await import('./fixture-result.js');

describe('a missing chart library', () => {
  it('leaves the charts out of the pages, says so in them, and warns once on stderr', () => {
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    const assets = pageAssets('report');
    expect(assets.uplot).toBeNull();
    expect(assets.script).not.toBeNull();
    expect(assets.missing).toEqual([expect.stringMatching(/^the chart library \(the uplot package\) cannot be read \(ENOENT/)]);
    expect(pageAssets('history').uplot).toBeNull();

    const report = renderHtmlReport(fixtureResult());
    expect(report).toContain('This page was written without some of its parts');
    expect(report).toContain('the chart library (the uplot package) cannot be read');
    expect(report).not.toContain('.uplot, .uplot *');
    expect(report).not.toContain('var uPlot=');
    // Its own script is still there (tables sort), and draws no chart without uPlot.
    expect(report).toContain('makeTablesSortable');
    expect(renderUiPage()).toContain('This page was written without some of its parts');

    const warnings = stderr.mock.calls.map((call) => String(call[0]));
    expect(warnings.filter((w) => w.includes('the HTML report is written without the chart library'))).toHaveLength(1);
    expect(warnings.filter((w) => w.includes('the web UI is written without the chart library'))).toHaveLength(1);
    expect(warnings.every((w) => w.startsWith('Warning: ') && w.includes('npm run build'))).toBe(true);
  });
});
