/**
 * The OpenTelemetry metrics push of a run (`--otlp`). Loaded only by runs that ask for it (the
 * SDK and the exporter cost startup time); other layers import from here only.
 */

export { OtlpOutput, type OtlpOutputOptions } from './otlp-output.js';
