/**
 * What a VirtualUser made by hand in a test runs in: the recorder and clock the test gives, no
 * setup data, stop and kill signals nobody aborts, no iteration budget, a fixed seed.
 */

import { type Clock, realClock } from '../../src/core/clock.js';
import type { VirtualUserEnvironment } from '../../src/engine/virtual-user.js';
import type { MetricsRecorder } from '../../src/metrics/recorder.js';

export function userEnvironment(recorder: MetricsRecorder, clock: Clock = realClock): VirtualUserEnvironment {
  return {
    recorder,
    clock,
    data: undefined,
    stopSignal: new AbortController().signal,
    killSignal: new AbortController().signal,
    budget: null,
    seed: 1,
  };
}
