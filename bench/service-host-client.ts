/** Starting and asking a service-host.ts process (the service under benchmark, in a process of its own). */
import { fork, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import type { HostConfig, HostMemory, HostReply, HostRequest } from './service-host.js';

export class ServiceHost {
  private constructor(private readonly child: ChildProcess, readonly url: string) {}

  static async start(config: HostConfig): Promise<ServiceHost> {
    const child = fork(new URL('./service-host.js', import.meta.url), [JSON.stringify(config)], { execArgv: ['--expose-gc'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let timer: NodeJS.Timeout | undefined;
    try {
      const [reply] = await Promise.race([
        once(child, 'message') as Promise<[HostReply]>,
        once(child, 'exit').then(([code]) => Promise.reject(new Error(`the service host exited (${String(code)}) before it was ready`))),
        new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error('the service host did not start within 60 s')), 60_000))),
      ]);
      if (reply.kind !== 'ready') throw new Error(`the service host said ${reply.kind} before it was ready`);
      return new ServiceHost(child, reply.url);
    } catch (err) {
      child.kill('SIGKILL');
      throw err;
    } finally {
      clearTimeout(timer);
    }
  }

  /** The service process's memory after a full collection. */
  async memory(): Promise<HostMemory> {
    const answer = once(this.child, 'message') as Promise<[HostReply]>;
    this.child.send({ kind: 'memory' } satisfies HostRequest);
    const [reply] = await answer;
    if (reply.kind !== 'memory') throw new Error(`the service host answered ${reply.kind} to memory`);
    return { rss: reply.rss, heapUsed: reply.heapUsed };
  }

  /** The service's own `open_streams` gauge (GET /metrics). */
  async openStreams(): Promise<number> {
    const text = await (await fetch(`${this.url}/metrics`)).text();
    return Number(/^open_streams (\S+)$/m.exec(text)?.[1] ?? Number.NaN);
  }

  async stop(): Promise<void> {
    if (this.child.exitCode !== null || this.child.signalCode !== null) return;
    const exited = once(this.child, 'exit');
    this.child.send({ kind: 'stop' } satisfies HostRequest);
    const timer = setTimeout(() => this.child.kill('SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
  }
}
