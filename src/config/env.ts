/**
 * The only place that reads process.env: validated once with zod, failing fast with a message
 * that names the variable. Everything else receives the resulting Config.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';

const bool = z.enum(['1', '0', 'true', 'false', 'yes', 'no']).transform((v) => v === '1' || v === 'true' || v === 'yes');

const EnvSchema = z.object({
  AUDIENCE_AGENT_DATA: z.string().min(1).optional(),
  AUDIENCE_AGENT_HOME: z.string().min(1).optional(),
  XDG_CACHE_HOME: z.string().min(1).optional(),
  AUDIENCE_AGENT_ENGINE: z.enum(['duckdb', 'postgres']).default('duckdb'),
  DATABASE_URL: z.string().min(1).optional(),
  REDIS_URL: z.string().min(1).optional(),
  AUDIENCE_AGENT_INTERPRETER: z.enum(['offline', 'llm']).optional(),
  OPENAI_API_KEY: z.string().min(1).optional(),
  OPENAI_BASE_URL: z.url().optional(),
  OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
  /** One model request, from sending it to the last byte of the reply. */
  LLM_TIMEOUT_MS: z.coerce.number().int().positive().default(30_000),
  /** Bytes of one model reply read at most. */
  LLM_MAX_REPLY_BYTES: z.coerce.number().int().positive().default(1024 * 1024),
  /** A run (one turn of a conversation) is stopped after this long. */
  RUN_TIMEOUT_MS: z.coerce.number().int().positive().default(5 * 60_000),
  LLM_FALLBACK_OFFLINE: bool.default(false),
  HOST: z.string().min(1).optional(),
  /** Serve a non-loopback HOST without API_KEYS (a local trial in a container). */
  ALLOW_OPEN: bool.default(false),
  PORT: z.coerce.number().int().min(0).max(65535).default(8123),
  /** `key1:workspace1,key2:workspace2` */
  API_KEYS: z.string().optional(),
  CORS_ORIGINS: z.string().optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  /** Live audiences: a visitor's session ends after this long without a visit. */
  LIVE_SESSION_TIMEOUT_MS: z.coerce.number().int().positive().default(30 * 60_000),
  /** How old the engine's snapshot of a live audience's history condition may grow before it is renewed. */
  LIVE_HISTORY_REFRESH_MS: z.coerce.number().int().positive().optional(),
  /** Sustained `/v1/match` requests per second per API key (a limit of its own, apart from the rest of the API). */
  LIVE_RATE_LIMIT_PER_SECOND: z.coerce.number().positive().default(2_000),
  /** `/v1/match` requests an API key may send at once. */
  LIVE_RATE_LIMIT_BURST: z.coerce.number().int().min(1).default(4_000),
  /** `workspace1:/data/one,workspace2:/data/two`: a data folder of its own for each workspace (others use AUDIENCE_AGENT_DATA). */
  WORKSPACE_DIRS: z.string().optional(),
  /** `key1:workspace1,key2:workspace2`: write keys of the ingestion API (`/v1/track`, `/v1/batch`…). */
  WRITE_KEYS: z.string().optional(),
  /** Take data through the ingestion API without write keys (only on a service without API keys, on 127.0.0.1). */
  INGEST: bool.default(false),
  /** How often arrived messages are written where new computes see them. */
  INGEST_FLUSH_MS: z.coerce.number().int().min(10).default(500),
  /** How often, at most, the catalog is rebuilt once new data arrived. */
  INGEST_CATALOG_REFRESH_MS: z.coerce.number().int().min(100).default(2_000),
  /** The shortest schedule a saved audience may be counted on. */
  AUDIENCE_REFRESH_MIN_MS: z.coerce.number().int().min(100).default(60_000),
  /** How often due audience counts are looked for. */
  AUDIENCE_REFRESH_TICK_MS: z.coerce.number().int().min(50).default(1_000),
  /** Folder that file destinations write into (a mounted volume, a synced folder); unset: no file destinations. */
  FILE_DROP_DIR: z.string().min(1).optional(),
  /** One webhook delivery attempt, from sending to the last byte of the answer. */
  DELIVERY_TIMEOUT_MS: z.coerce.number().int().positive().default(10_000),
  /** Wait after a failed delivery, doubled each time up to DELIVERY_MAX_BACKOFF_MS. */
  DELIVERY_BACKOFF_MS: z.coerce.number().int().positive().default(1_000),
  DELIVERY_MAX_BACKOFF_MS: z.coerce.number().int().positive().default(5 * 60_000),
  /** Let webhooks post to loopback and private addresses (a service alone on its network). */
  DELIVERY_ALLOW_PRIVATE_HOSTS: bool.default(false),
  /** Members per delivery. */
  DELIVERY_BATCH_SIZE: z.coerce.number().int().min(1).max(100_000).default(1_000),
});

/** The ingestion API: on when write keys are set (or INGEST=1 on an open local service). */
export interface IngestConfig {
  enabled: boolean;
  writeKeys: Record<string, string>;
  flushMs: number;
  catalogRefreshMs: number;
}

export interface Config {
  /** Workspace folder; absent = the generated demo workspace. */
  dataDir?: string;
  /** Workspaces with a data folder of their own (workspace → folder). */
  workspaceDirs: Record<string, string>;
  /** Where imported workspaces and the demo workspace are kept. */
  home: string;
  engine: 'duckdb' | 'postgres';
  databaseUrl?: string;
  redisUrl?: string;
  interpreter: 'offline' | 'llm';
  llm: { apiKey?: string; baseURL?: string; model: string; timeoutMs: number; maxReplyBytes: number; fallbackToOffline: boolean };
  /** A run (one turn) is stopped after this long. */
  runTimeoutMs: number;
  host?: string;
  /** ALLOW_OPEN: listen on a non-loopback HOST without API keys. */
  allowOpen: boolean;
  port: number;
  apiKeys: Record<string, string>;
  corsOrigins: string[];
  logLevel: string;
  live: LiveConfig;
  ingest: IngestConfig;
  /** Saved audiences counted on a schedule. */
  refresh: { minEveryMs: number; tickMs: number };
  /** Where saved audiences are sent. */
  delivery: { fileDropDir?: string; allowPrivateHosts: boolean; timeoutMs: number; backoffMs: number; maxBackoffMs: number; batchSize: number };
}

export interface LiveConfig {
  sessionTimeoutMs: number;
  historyRefreshMs: number;
  /** Per-key limit of `/v1/match` and its batch form. */
  rateLimit: { burst: number; perSecond: number };
}

function parseWorkspaceDirs(raw: string | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const colon = pair.indexOf(':');
    const workspace = pair.slice(0, colon).trim();
    const dir = pair.slice(colon + 1).trim();
    if (colon < 1 || !dir) throw new Error(`WORKSPACE_DIRS: "${pair}" is not workspace:/path/to/folder`);
    out[workspace] = dir;
  }
  return out;
}

function parseApiKeys(raw: string | undefined, variable = 'API_KEYS'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of (raw ?? '').split(',').map((s) => s.trim()).filter(Boolean)) {
    const [key, workspace] = pair.split(':');
    if (!key || !workspace) throw new Error(`${variable}: "${pair}" is not key:workspace`);
    out[key] = workspace;
  }
  return out;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = EnvSchema.safeParse(env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new Error(`Configuration error in ${issue.path.join('.')}: ${issue.message}`);
  }
  const e = parsed.data;
  const writeKeys = parseApiKeys(e.WRITE_KEYS, 'WRITE_KEYS');
  const ingesting = e.INGEST || Object.keys(writeKeys).length > 0;
  return {
    dataDir: e.AUDIENCE_AGENT_DATA,
    workspaceDirs: parseWorkspaceDirs(e.WORKSPACE_DIRS),
    home: e.AUDIENCE_AGENT_HOME ?? join(e.XDG_CACHE_HOME ?? join(homedir(), '.cache'), 'audience-agent'),
    engine: e.AUDIENCE_AGENT_ENGINE,
    databaseUrl: e.DATABASE_URL,
    redisUrl: e.REDIS_URL,
    interpreter: e.AUDIENCE_AGENT_INTERPRETER ?? (e.OPENAI_API_KEY || e.OPENAI_BASE_URL ? 'llm' : 'offline'),
    llm: { apiKey: e.OPENAI_API_KEY, baseURL: e.OPENAI_BASE_URL, model: e.OPENAI_MODEL, timeoutMs: e.LLM_TIMEOUT_MS, maxReplyBytes: e.LLM_MAX_REPLY_BYTES, fallbackToOffline: e.LLM_FALLBACK_OFFLINE },
    runTimeoutMs: e.RUN_TIMEOUT_MS,
    host: e.HOST,
    allowOpen: e.ALLOW_OPEN,
    port: e.PORT,
    apiKeys: parseApiKeys(e.API_KEYS),
    corsOrigins: (e.CORS_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    logLevel: e.LOG_LEVEL,
    live: {
      sessionTimeoutMs: e.LIVE_SESSION_TIMEOUT_MS,
      // Data that keeps arriving should reach live matching within seconds, not minutes.
      historyRefreshMs: e.LIVE_HISTORY_REFRESH_MS ?? (ingesting ? 5_000 : 5 * 60_000),
      rateLimit: { burst: e.LIVE_RATE_LIMIT_BURST, perSecond: e.LIVE_RATE_LIMIT_PER_SECOND },
    },
    delivery: { fileDropDir: e.FILE_DROP_DIR, allowPrivateHosts: e.DELIVERY_ALLOW_PRIVATE_HOSTS, timeoutMs: e.DELIVERY_TIMEOUT_MS, backoffMs: e.DELIVERY_BACKOFF_MS, maxBackoffMs: e.DELIVERY_MAX_BACKOFF_MS, batchSize: e.DELIVERY_BATCH_SIZE },
    refresh: { minEveryMs: e.AUDIENCE_REFRESH_MIN_MS, tickMs: e.AUDIENCE_REFRESH_TICK_MS },
    ingest: { enabled: ingesting, writeKeys, flushMs: e.INGEST_FLUSH_MS, catalogRefreshMs: e.INGEST_CATALOG_REFRESH_MS },
  };
}
