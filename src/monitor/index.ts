/**
 * The monitor's public face: what the engine uses to watch the generator during a run and to
 * judge afterwards whether its numbers can be trusted.
 */

export { ProcessMonitor, type ProcessMonitorOptions } from './process-monitor.js';
export type { ProcessReading, ProcessSampler } from './process-sampler.js';
export type { MonitorSample } from '../metrics/result.js';
export { DEFAULT_SATURATION_LIMITS, detectSaturation, type SaturationLimits } from './saturation.js';
export { SelfSampler } from './self-sampler.js';
export { type LoopDelaySource, WorstLoopDelay } from './worst-loop-delay.js';
export { EventLoopDelay } from './event-loop-delay.js';
export { estimateMemoryGrowth, type MemoryGrowth, theilSenSlope } from './memory-growth.js';
export { checkPids, PidMonitor, startPidMonitors, type TargetSamples } from './pid-monitor.js';
export { PidSampler } from './pid-sampler.js';
export { type ResourceSummary, summarizeResources } from './resource-summary.js';
