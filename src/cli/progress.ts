/** A progress bar on the terminal (stderr), silent when stderr is not a terminal. */
import cliProgress from 'cli-progress';

export interface ProgressBar {
  update(done: number, total: number, label: string): void;
  stop(): void;
}

export function createProgressBar(stream: NodeJS.WriteStream = process.stderr): ProgressBar {
  if (!stream.isTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    { stream, format: '{label} [{bar}] {percentage}% | {value}/{total}', hideCursor: true, clearOnComplete: true },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(done, total, label) {
      if (!started) {
        bar.start(Math.max(total, 1), done, { label });
        started = true;
      }
      bar.setTotal(Math.max(total, 1));
      bar.update(Math.min(done, total), { label });
    },
    stop() {
      if (started) bar.stop();
    },
  };
}
