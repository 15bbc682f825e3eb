/** Percentiles and small formatting helpers shared by the scenarios. */

/** Summary of a sample of latencies, in ms. */
export interface Percentiles {
  count: number;
  p50: number;
  p95: number;
  p99: number;
  max: number;
  mean: number;
}

/** Nearest-rank percentile of sorted values. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank - 1))]!;
}

export function summarize(values: readonly number[]): Percentiles {
  const sorted = Float64Array.from(values).sort();
  const list = Array.from(sorted);
  const sum = list.reduce((a, b) => a + b, 0);
  return {
    count: list.length,
    p50: percentile(list, 50),
    p95: percentile(list, 95),
    p99: percentile(list, 99),
    max: list.length > 0 ? list[list.length - 1]! : Number.NaN,
    mean: list.length > 0 ? sum / list.length : Number.NaN,
  };
}

/** Rounds for display: 3 significant digits under 10, one decimal under 100, integers above. */
export function fmt(value: number | null | undefined, digits?: number): string {
  if (value === null || value === undefined || Number.isNaN(value)) return '–';
  if (digits !== undefined) return value.toFixed(digits);
  const abs = Math.abs(value);
  if (abs >= 100) return value.toFixed(0);
  if (abs >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

/** `a / b` as `×1.23`, or a dash. */
export function ratio(a: number, b: number): number {
  return b > 0 && Number.isFinite(a) ? a / b : Number.NaN;
}

/** Greatest common divisor. */
export function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** How a metric measured in repeated runs of one phase came out. */
export interface Repeated {
  /** Each run's value, in order. */
  values: number[];
  /** The mean of the two runs that agreed, or the median of all when none did. */
  value: number;
  /** Two runs agreed within the tolerance. */
  agreed: boolean;
  /** (max − min) ÷ min over every run, as a fraction. */
  spread: number;
}

/** Whether `a` and `b` agree within `tolerance` (a fraction of the smaller). */
export function agree(a: number, b: number, tolerance = 0.1): boolean {
  const low = Math.min(a, b);
  return Number.isFinite(a) && Number.isFinite(b) && (low === 0 ? a === b : Math.abs(a - b) / low <= tolerance);
}

/**
 * A metric over repeated runs: the mean of the first pair (in run order,
 * each run against every earlier one) that agrees within `tolerance`, else
 * the median, with the spread either way, so a reader can tell the code's
 * figure from the host's noise.
 */
export function repeated(values: readonly number[], tolerance = 0.1): Repeated {
  const list = values.filter(Number.isFinite);
  let value = Number.NaN;
  let agreed = false;
  outer: for (let j = 1; j < list.length; j++) {
    for (let i = 0; i < j; i++) {
      if (agree(list[i]!, list[j]!, tolerance)) {
        value = (list[i]! + list[j]!) / 2;
        agreed = true;
        break outer;
      }
    }
  }
  if (!agreed) {
    const sorted = [...list].sort((a, b) => a - b);
    value = sorted.length === 0 ? Number.NaN : sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
  }
  const min = Math.min(...list);
  const max = Math.max(...list);
  return { values: [...values], value, agreed, spread: list.length > 1 && min > 0 ? (max - min) / min : 0 };
}

/**
 * Runs a phase again until, for every metric, two of its runs agree within
 * `tolerance` (at most `max` runs; `first` are runs already made).
 */
export async function runUntilAgreed<T>(
  run: (attempt: number) => Promise<T>,
  metrics: readonly ((result: T) => number)[],
  { max = 3, tolerance = 0.1, first = [] as T[] } = {},
): Promise<T[]> {
  const runs = [...first];
  while (runs.length < max) {
    if (runs.length >= 2 && metrics.every((m) => repeated(runs.map(m), tolerance).agreed)) break;
    runs.push(await run(runs.length + 1));
  }
  if (runs.length === 0) runs.push(await run(1));
  return runs;
}

/** `2: two agree (spread 4 %)` / `3: none agree (spread 35 %)` for a table cell. */
export function runsCell(r: Repeated | undefined): string {
  if (!r || r.values.length <= 1) return r ? '1' : '';
  return `${r.values.length}: ${r.agreed ? 'two agree' : '**none agree**'} (spread ${Math.round(r.spread * 100)} %)`;
}
