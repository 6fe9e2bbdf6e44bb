// Percentiles and small formatting helpers for benchmark parts. Nearest-rank percentiles: with the
// bounded sample sizes benchmarks use, interpolation would only suggest precision that is not there.

/** The p-th percentile (0–100) of `samples` by nearest rank; NaN for an empty list. */
export function percentile(samples: readonly number[], p: number): number {
  if (samples.length === 0) return Number.NaN;
  const sorted = [...samples].sort((a, b) => a - b);
  const rank = Math.min(sorted.length, Math.max(1, Math.ceil((p / 100) * sorted.length)));
  return sorted[rank - 1] as number;
}

export const median = (samples: readonly number[]): number => percentile(samples, 50);

/** p50/p95/p99 of latencies in milliseconds. */
export function latencySummary(samples: readonly number[]): {
  p50: number;
  p95: number;
  p99: number;
  n: number;
} {
  return {
    p50: percentile(samples, 50),
    p95: percentile(samples, 95),
    p99: percentile(samples, 99),
    n: samples.length,
  };
}

/** Fixed decimals, or "n/a" for NaN/Infinity, for Markdown tables. */
export function fmt(value: number, digits = 1): string {
  return Number.isFinite(value) ? value.toFixed(digits) : "n/a";
}

/** Milliseconds since `start` (from performance.now()). */
export const since = (start: number): number => performance.now() - start;
