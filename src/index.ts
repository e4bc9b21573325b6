/**
 * volley's public API: the only import a scenario or a test writes (`from 'volley'`).
 * Values and types are listed explicitly; everything else is internal.
 */

export type {
  ArrivalRateLoad,
  DefinedUser,
  HttpDefinition,
  LoadDefinition,
  PerUserIterationsLoad,
  RampingArrivalRateLoad,
  ScenarioDefinition,
  ShapeLoad,
  StagesLoad,
  StepLoad,
  SubScenarioDefinition,
  Task,
  TaskDefinition,
  UserDefinition,
  UsersLoad,
} from './engine/scenario-definition.js';
export {
  defineScenario,
  defineUser,
} from './api/define.js';
export { type Feed, type FeedOptions, type FeedOrder, feed } from './api/feed.js';
export { poisson } from './api/poisson.js';
export type { DurationInput } from './api/wait-time.js';
export type { BenchDefinition, BenchOptions, BenchThresholds, MetricCondition } from './api/bench.js';
export type {
  StressDefinition,
  StressLoad,
  StressOperation,
  StressOptions,
  StressThresholds,
} from './api/stress.js';
export type { BenchReport, SuiteResult } from './bench/bench-report.js';
export type { BenchResult, CompletedBench, ErroredBench } from './bench/bench-result.js';
export type { BenchStats } from './bench/statistics.js';
export type { MemoryGrowth } from './monitor/memory-growth.js';
export type { ResourceSummary } from './monitor/resource-summary.js';
export type { CompletedStress, ErroredStress, StressLevelResult, StressResult } from './bench/stress/stress-result.js';
export { between, constant, constantPacing, constantThroughput } from './api/wait-time.js';
export type { VuContext } from './engine/vu-context.js';
export type { MeasureOptions } from './engine/vu-context.js';
export type { MetricHandle } from './engine/metric-handles.js';
export type { CustomMetricKind, MetricDirection } from './metrics/custom-metric.js';
export type { CustomMetricStats } from './metrics/result.js';
export type { WaitTime } from './engine/wait-time.js';
export type { VolleyErrorCode } from './errors.js';
export { type AssertableResult, assertPassed, ThresholdsFailedError } from './api/assert-passed.js';
export { bench } from './api/bench.js';
export { stress } from './api/stress.js';
export { runBench, type RunBenchOptions } from './bench/run-bench.js';
export { runSuite, type RunSuiteOptions, type SuiteEntry } from './bench/run-suite.js';
export { isVolleyError, VolleyError } from './errors.js';
export { runStress, type RunStressOptions } from './bench/stress/run-stress.js';
export type {
  CheckEntry,
  EndpointStats,
  ErrorEntry,
  LatencyStats,
  Result,
  RunOutcome,
  ThresholdVerdict,
  TimeSeriesPoint,
} from './metrics/result.js';
export type { LiveProgress, Output, RunStartInfo } from './outputs/output.js';
export type { CheckOptions, HttpApi as HttpClient, HttpResponse, RequestOptions } from './protocols/http/index.js';
export { check } from './protocols/http/index.js';
export type { SseEvent, SseOptions, SseQueryValue, SseStream } from './protocols/sse/index.js';
export type {
  WsApi,
  WsCloseInfo,
  WsConnectOptions,
  WsData,
  WsMessage,
  WsRequestOptions,
  WsSocket,
  WsTimeout,
  WsWaitOptions,
} from './protocols/ws/index.js';
export type {
  GrpcApi,
  GrpcBidiStream,
  GrpcCallOptions,
  GrpcClientOptions,
  GrpcClientStream,
  GrpcMessage,
  GrpcMetadataInput,
  GrpcMetadataValues,
  GrpcResult,
  GrpcServerStream,
  GrpcServiceClient,
  GrpcStatusName,
  GrpcTlsOptions,
} from './protocols/grpc/index.js';
export type { RunApiOptions } from './runner/run.js';
export { run } from './runner/run.js';
export type { RunHandle, RunRequest } from './runner/start-run.js';
export { startRun } from './runner/start-run.js';
export type { ThresholdDefinition } from './thresholds/index.js';
export { VERSION } from './version.js';
