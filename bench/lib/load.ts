/**
 * One load run with autocannon, measured at full precision. autocannon's own latency histogram is built with
 * lowestDiscernibleValue 1 over millisecond values, so it truncates every response time to a whole millisecond:
 * p50 of a 0.3 ms reply reads as 0. Its per-response `response` event carries the process.hrtime duration in
 * fractional milliseconds, so latencies are collected from that event and the percentiles computed here.
 * Only 200 replies with the expected body count; everything else is reported, never averaged in.
 */
import autocannon from 'autocannon';

export interface LoadOptions {
  readonly url: string;
  readonly key: string;
  readonly body: string;
  readonly connections: number;
  readonly durationS: number;
  /** Length (in UTF-16 units, as autocannon holds it) of a correct reply's body; checked on every response. */
  readonly expectedBodyLength: number;
}

export interface LoadResult {
  readonly ok: number;
  readonly p50: number;
  readonly p99: number;
  readonly reqPerSec: number;
  readonly non2xx: number;
  readonly errors: number;
  readonly timeouts: number;
  readonly mismatches: number;
  readonly statusCodes: Readonly<Record<string, number>>;
}

/** Nearest-rank percentile of an ascending array. */
export function percentile(sorted: Float64Array, p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length);
  return sorted[Math.min(sorted.length, Math.max(1, rank)) - 1] as number;
}

export function runLoad(options: LoadOptions): Promise<LoadResult> {
  const latencies: number[] = [];
  const statusCodes: Record<string, number> = {};
  return new Promise((resolve, reject) => {
    const instance = autocannon(
      {
        url: options.url,
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${options.key}` },
        body: options.body,
        connections: options.connections,
        pipelining: 1,
        duration: options.durationS,
        timeout: 30,
        verifyBody: (body) => body?.length === options.expectedBodyLength,
      },
      (err: Error | null, result: autocannon.Result) => {
        if (err) {
          reject(err);
          return;
        }
        const sorted = Float64Array.from(latencies).sort();
        resolve({
          ok: sorted.length,
          p50: percentile(sorted, 50),
          p99: percentile(sorted, 99),
          reqPerSec: sorted.length / result.duration,
          non2xx: result.non2xx,
          errors: result.errors,
          timeouts: result.timeouts,
          mismatches: result.mismatches,
          statusCodes,
        });
      },
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      statusCodes[statusCode] = (statusCodes[statusCode] ?? 0) + 1;
      if (statusCode === 200) latencies.push(responseTime);
    });
  });
}
