/**
 * Finding the breaking point: the highest arrival rate a service sustains within its criteria.
 *
 * Rates go up geometrically (start, start·factor, start·factor², …), one short open-model run per
 * rate, until a rate breaks a criterion: p95 latency above its limit, error rate above its limit,
 * or achieved throughput below the target (the service, or the generator, cannot keep up). Then
 * the interval between the last rate that held and the first that broke is bisected a few times.
 * The open model matters: a closed model slows down with the service and never "breaks".
 *
 *   held ●   ●   ●   ●   ✗          bisect:  ●─────?─────✗  →  ●──?──✗  →  capacity = last ●
 *        10  15  22  34  51                  34   42    51
 */

export interface CapacityCriteria {
  /** p95 latency limit, ms. */
  p95Ms: number;
  /** Error-rate limit, a fraction. */
  errorRate: number;
  /** Achieved / target rate below which the step broke (default 0.95). */
  minAchievedRatio: number;
}

export interface StepMeasurement {
  /** Target iterations per second. */
  rate: number;
  /** Iterations per second actually started and finished. */
  achievedRate: number;
  requests: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  errorRate: number;
  droppedIterations: number;
}

export interface JudgedStep extends StepMeasurement {
  held: boolean;
  /** Why it broke, for people: `p95 812ms > 500ms`. */
  reason: string | null;
  /** Found while bisecting rather than while stepping up. */
  refinement: boolean;
}

export interface CapacitySearchOptions {
  startRate: number;
  factor: number;
  maxRate: number;
  /** Bisection rounds after the first break (each halves the uncertainty). */
  refineRounds: number;
}

export interface CapacityReport {
  steps: JudgedStep[];
  /** The highest rate that held; null when even the start rate broke. */
  capacity: number | null;
  /** The lowest rate that broke; null when every rate up to maxRate held. */
  brokeAt: number | null;
  /** Why the lowest broken rate broke. */
  reason: string | null;
}

export function judgeStep(step: StepMeasurement, criteria: CapacityCriteria): string | null {
  const reasons: string[] = [];
  if (step.requests === 0) return 'no request completed';
  if (step.p95Ms > criteria.p95Ms) {
    const [p95, limit] = apart(step.p95Ms, criteria.p95Ms);
    reasons.push(`p95 ${p95}ms > ${limit}ms`);
  }
  if (step.errorRate > criteria.errorRate) {
    const [rate, limit] = apart(step.errorRate * 100, criteria.errorRate * 100);
    reasons.push(`errors ${rate}% > ${limit}%`);
  }
  if (step.achievedRate < step.rate * criteria.minAchievedRatio) {
    const [achieved, wanted] = apart(step.achievedRate, step.rate * criteria.minAchievedRatio);
    reasons.push(
      `achieved ${achieved}/s < ${wanted}/s (${Math.round(criteria.minAchievedRatio * 100)}% of ${round(step.rate)}/s)`,
    );
  }
  return reasons.length === 0 ? null : reasons.join(', ');
}

export async function searchCapacity(
  measure: (rate: number) => Promise<StepMeasurement>,
  criteria: CapacityCriteria,
  options: CapacitySearchOptions,
  onStep: (step: JudgedStep) => void = () => undefined,
): Promise<CapacityReport> {
  const steps: JudgedStep[] = [];
  const run = async (rate: number, refinement: boolean): Promise<JudgedStep> => {
    const measured = await measure(rate);
    const reason = judgeStep(measured, criteria);
    const step = { ...measured, held: reason === null, reason, refinement };
    steps.push(step);
    onStep(step);
    return step;
  };

  let held: number | null = null;
  let broke: JudgedStep | null = null;
  for (let rate = options.startRate; rate <= options.maxRate * (1 + 1e-9); rate *= options.factor) {
    const step = await run(round(rate), false);
    if (!step.held) {
      broke = step;
      break;
    }
    held = step.rate;
  }
  if (broke === null) return { steps, capacity: held, brokeAt: null, reason: null };

  let low = held;
  let high = broke.rate;
  let highReason = broke.reason;
  if (low !== null) {
    for (let round_ = 0; round_ < options.refineRounds; round_++) {
      const mid = round((low + high) / 2);
      if (mid <= low || mid >= high) break;
      const step = await run(mid, true);
      if (step.held) low = mid;
      else {
        high = mid;
        highReason = step.reason;
      }
    }
  }
  return { steps, capacity: low, brokeAt: high, reason: highReason };
}

function round(value: number): number {
  return Math.round(value * 10) / 10;
}

/**
 * A measured figure and the limit it crossed, printed with as many decimals as it takes for the
 * two to differ (at most 6, then unrounded), so a reason never reads "50ms > 50ms".
 */
export function apart(value: number, limit: number): [string, string] {
  for (let digits = 1; digits <= 6; digits++) {
    const a = trim(value.toFixed(digits));
    const b = trim(limit.toFixed(digits));
    if (a !== b) return [a, b];
  }
  return [String(value), String(limit)];
}

/** `50.0` → `50`, `0.250` → `0.25`: decimals only where they say something. */
function trim(text: string): string {
  return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
}
