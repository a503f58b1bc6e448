/** The machine a benchmark ran on, printed with its figures so they can be read in context. */
import { cpus, loadavg, totalmem } from 'node:os';

export function loadAverage1(): number {
  return Number(loadavg()[0]!.toFixed(2));
}

/** The 1, 5 and 15-minute load averages. */
export function loadAverages(): string {
  return loadavg().map((x) => x.toFixed(2)).join(' ');
}

export function describeMachine(): string {
  const cpu = cpus();
  const load = loadAverages();
  return `node ${process.version}, ${cpu.length} × ${cpu[0]?.model.trim() ?? 'unknown CPU'}, ` +
    `${(totalmem() / 2 ** 30).toFixed(0)} GiB RAM, load average ${load}`;
}

export function rssMiB(): number {
  return Math.round(process.memoryUsage().rss / 2 ** 20);
}
