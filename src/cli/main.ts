#!/usr/bin/env node
/** The `audience-agent` command line: wires commands to their modules; holds no logic itself. */
import { Command, Option } from 'commander';
import { loadConfig, type Config } from '../config/env.js';
import { printError } from './output.js';
import { importCommand } from './commands/import.js';
import { catalogCommand } from './commands/catalog.js';
import { computeCommand } from './commands/compute.js';
import { generateCommand } from './commands/generate.js';
import { buildCommand } from './commands/build.js';
import { evalCommand } from './commands/eval.js';
import { serveCommand } from './commands/serve.js';
import { chatCommand } from './commands/chat.js';
import { createWidgetRouter } from '../web/router.js';

const engineOption = () => new Option('--engine <engine>', 'where audiences are computed').choices(['duckdb', 'postgres']);
const dataOption = () => new Option('--data <dir>', 'workspace folder (default: the configured one, else a generated demo)');

function run<A extends unknown[]>(action: (config: Config, ...args: A) => Promise<void>) {
  return async (...args: A) => {
    try {
      await action(loadConfig(), ...args);
    } catch (err) {
      process.exitCode = printError(err);
    }
  };
}

export function buildProgram(): Command {
  const program = new Command('audience-agent')
    .description('Turn plain-language descriptions into precise, explainable audiences over your customer data.')
    .showHelpAfterError();

  program
    .command('import')
    .description('import a workspace folder (profiles/events JSONL, gzipped or not) into the embedded store')
    .argument('<dir>', 'workspace folder')
    .option('--strict', 'refuse the whole import on the first malformed line')
    .option('--json', 'print the import report as JSON')
    .action(run((config, dir: string, flags) => importCommand(dir, flags, config)));

  program
    .command('catalog')
    .description('show the events, properties, traits, tags and lists of a workspace')
    .addOption(dataOption())
    .option('--search <words>', 'search the catalog (typo-tolerant)')
    .option('--json', 'print as JSON')
    .action(run((config, flags) => catalogCommand(flags, config)));

  program
    .command('compute')
    .description("compute an audience definition: size, reachability, samples, explanation")
    .addOption(dataOption())
    .requiredOption('--definition <file>', 'audience definition (JSON)')
    .option('--now <iso>', 'reference time (default: now)')
    .option('--members', 'include the full member list')
    .addOption(new Option('--export <format>', 'stream only the member list').choices(['csv', 'jsonl']))
    .option('--sql', 'print the compiled SQL and its parameters')
    .option('--json', 'print as JSON')
    .addOption(engineOption())
    .action(run((config, flags) => computeCommand(flags, config)));

  program
    .command('serve')
    .description('run the chat service (LangGraph protocol over SSE, /v1 REST, the web page at /)')
    .option('--port <port>', 'port (default: PORT or 8123)')
    .option('--host <host>', 'interface to listen on when API keys are configured')
    .addOption(dataOption())
    .option('--now <iso>', 'fixed reference time (default: the current time at each turn)')
    .addOption(engineOption())
    .action(run(async (config, flags) => {
      await serveCommand(flags, config, { publicRoutes: [createWidgetRouter()] });
    }));

  program
    .command('chat')
    .description('talk with the audience builder in the terminal')
    .addOption(dataOption())
    .option('--now <iso>', 'reference time (default: now)')
    .addOption(engineOption())
    .action(run((config, flags) => chatCommand(flags, config)));

  program
    .command('build')
    .description('build an audience from a description, without a conversation (JSON lines with --json or --batch)')
    .argument('[description]', 'what the audience is, in plain language')
    .addOption(dataOption())
    .option('--now <iso>', 'reference time (default: now)')
    .option('--members', 'include the member ids')
    .option('--json', 'print the result as one JSON object')
    .option('--batch <file>', 'JSONL of {"id","prompt"}: one JSON result per line, in input order')
    .addOption(engineOption())
    .action(run((config, description: string | undefined, flags) => buildCommand(description, flags, config)));

  program
    .command('eval')
    .description('score a case file (shared/eval format) by execution accuracy')
    .requiredOption('--cases <file>', 'JSONL of {"id","prompt","expect"}')
    .addOption(dataOption())
    .option('--now <iso>', 'reference time (default: now)')
    .option('--json', 'one JSON verdict per line and a JSON summary')
    .addOption(engineOption())
    .action(run((config, flags) => evalCommand(flags, config)));

  program
    .command('generate')
    .description('write a synthetic workspace shaped like the demo shop, at any size')
    .argument('<dir>', 'folder to write')
    .option('--profiles <n>', 'number of profiles', '2000')
    .option('--seed <seed>', 'random seed (same seed, same bytes)', '1')
    .option('--now <iso>', "the workspace's reference time (default: now)")
    .option('--events-per-profile <n>', 'average events per profile')
    .action(run((_config, dir: string, flags) => generateCommand(dir, flags)));

  return program;
}

// A reader that stops early (`| head`) is not an error of ours: stop quietly.
process.stdout.on('error', (err: NodeJS.ErrnoException) => {
  if (err.code === 'EPIPE') process.exit(0);
  throw err;
});

await buildProgram().parseAsync(process.argv);
