import { describe, expect, it } from 'vitest';
import { formatSummary } from '../../../src/outputs/summary.js';
import { SummaryOutput } from '../../../src/outputs/summary-output.js';
import { fixtureResult } from './fixture-result.js';
import { RecordingStream } from './stream-double.js';

describe('SummaryOutput', () => {
  it('writes the summary once, at the end, on lines of its own', () => {
    const stream = new RecordingStream();
    const output = new SummaryOutput(stream, { color: false });
    expect(stream.writes).toEqual([]);
    output.onEnd(fixtureResult());
    expect(stream.writes).toEqual([`\n${formatSummary(fixtureResult(), { color: false })}\n`]);
  });

  it("fits a TTY's width, and ignores the width of a non-TTY stream", () => {
    const tty = new RecordingStream({ isTTY: true, columns: 100 });
    new SummaryOutput(tty, { color: false }).onEnd(fixtureResult());
    expect(tty.text).toBe(`\n${formatSummary(fixtureResult(), { color: false, width: 100 })}\n`);

    const pipe = new RecordingStream({ isTTY: false, columns: 100 });
    new SummaryOutput(pipe, { color: false }).onEnd(fixtureResult());
    expect(pipe.text).toBe(`\n${formatSummary(fixtureResult(), { color: false, width: 120 })}\n`);
  });

  it('takes an explicit width and colour over the stream', () => {
    const stream = new RecordingStream({ isTTY: true, columns: 100 });
    new SummaryOutput(stream, { color: true, width: 140 }).onEnd(fixtureResult());
    expect(stream.text).toBe(`\n${formatSummary(fixtureResult(), { color: true, width: 140 })}\n`);
  });
});
