/**
 * Loaded into each service process with `--import` (the service's code is
 * untouched): records every garbage-collection pause and the event loop's
 * worst delay per 100 ms, on the monotonic clock the benchmark uses
 * (`process.hrtime`, µs), and writes them as JSON to `BENCH_PROBE_FILE` when
 * the process exits. The benchmark cuts them to each measured phase, to tell
 * what stalls the service (a GC pause, or a long task).
 */
import { writeFileSync } from 'node:fs';
import { monitorEventLoopDelay, performance, PerformanceObserver, constants } from 'node:perf_hooks';

const file = process.env.BENCH_PROBE_FILE;
if (file) {
  const nowUs = () => Number(process.hrtime.bigint() / 1000n);
  /** [start µs, duration ms, kind] */
  const gc: [number, number, string][] = [];
  const kinds: Record<number, string> = {
    [constants.NODE_PERFORMANCE_GC_MAJOR]: 'major',
    [constants.NODE_PERFORMANCE_GC_MINOR]: 'minor',
    [constants.NODE_PERFORMANCE_GC_INCREMENTAL]: 'incremental',
    [constants.NODE_PERFORMANCE_GC_WEAKCB]: 'weakcb',
  };
  new PerformanceObserver((list) => {
    const base = nowUs() - performance.now() * 1000;
    for (const entry of list.getEntries()) {
      const kind = ((entry as { detail?: unknown }).detail as { kind?: number } | undefined)?.kind ?? -1;
      gc.push([Math.round(base + entry.startTime * 1000), entry.duration, kinds[kind] ?? String(kind)]);
    }
  }).observe({ entryTypes: ['gc'] });

  /** [end of window µs, max event-loop delay ms] per 100 ms window */
  const delays: [number, number][] = [];
  const histogram = monitorEventLoopDelay({ resolution: 5 });
  histogram.enable();
  setInterval(() => {
    delays.push([nowUs(), histogram.max / 1e6]);
    histogram.reset();
  }, 100).unref();

  process.on('exit', () => {
    writeFileSync(file, JSON.stringify({ gc, delays }));
  });
}
