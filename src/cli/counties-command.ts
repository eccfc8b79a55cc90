/** `release-packet counties`: the counties a request may name, with their short names and directory coverage. */
import type { Command } from 'commander';
import { getDirectory } from '../directory/load-directory.js';
import { countyCoverage } from '../directory/check-directory.js';
import { defaultStateId } from '../engine.js';

type RunTool = (run: () => number | void) => Promise<void>;

export function runCounties(flags: { json?: boolean; state?: string }): number {
  const state = getDirectory().states.get(flags.state ?? defaultStateId);
  if (!state) {
    process.stderr.write(`release-packet: no directory for state ${flags.state}\n`);
    return 1;
  }
  const rows = countyCoverage(state.counties, state.entries);
  if (flags.json) {
    process.stdout.write(`${JSON.stringify({ state: state.state, counties: rows.map(({ slug, name, network, legalProviders, publicDefender }) => ({ slug, name, network, legalProviders, publicDefender })) }, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...rows.map((row) => row.slug.length));
  process.stdout.write(`${state.name}: ${rows.length} counties (give either the short name or the name)\n`);
  for (const row of rows) {
    const network = row.network === 'none' ? 'no rapid response network on file' : `network: ${row.network}`;
    process.stdout.write(`${row.slug.padEnd(width)}  ${row.name}  (${network}; legal providers: ${row.legalProviders}${row.publicDefender ? "; public defender" : ""})\n`);
  }
  return 0;
}

export function registerCountiesCommand(program: Command, runTool: RunTool): void {
  program
    .command('counties')
    .description('list the counties a packet can be made for, with their directory coverage')
    .option('--json', 'print as JSON')
    .addHelpText('after', '\nExample:\n  release-packet counties | grep -i angeles\n')
    .action((flags: { json?: boolean }) => runTool(() => runCounties(flags)));
}
