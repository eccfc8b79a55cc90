/** `release-packet directory check|export|import`: the maintainers' tools for assets/directory/<state>/. */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { coverageEndMarker, coverageMarkdown, coverageStartMarker, replaceCoverageBlock } from '../directory/coverage-doc.js';
import { join } from 'node:path';
import { PacketError } from '../errors.js';
import { checkDirectory, type CheckReport } from '../directory/check-directory.js';
import { describeProblem, inspectStateDirectory } from '../directory/inspect-directory.js';
import { defaultDirectoryDir, loadStateDirectory } from '../directory/load-directory.js';
import { defaultStaleMonths } from '../directory/select-entries.js';
import { isoDate } from '../directory/schema.js';
import { readHsdsServices, writeHsdsPackage } from '../directory/hsds/hsds-package.js';
import { hsdsToEntries } from '../directory/hsds/hsds-to-entries.js';
import { writeStateEntries } from '../directory/write-state-entries.js';
import { findImportLosses } from '../directory/import-losses.js';
import { todayUtc } from '../generate.js';

export interface DirectoryFlags {
  state: string;
  dir?: string;
}

export interface CheckFlags extends DirectoryFlags {
  staleMonths?: string;
  today?: string;
  json?: boolean;
  /** A Markdown file whose coverage block is rewritten from this report (docs/DATA.md). */
  updateDoc?: string;
}

export function stateDirOf(flags: DirectoryFlags): string {
  const stateDir = join(flags.dir ?? defaultDirectoryDir, flags.state);
  if (!existsSync(join(stateDir, 'state.json'))) throw new PacketError('PKT_ERR_USAGE', { detail: `no state folder with a state.json at ${stateDir}` });
  return stateDir;
}

export function todayOf(flag: string | undefined): Date {
  if (flag === undefined) return todayUtc();
  if (!isoDate.safeParse(flag).success) throw new PacketError('PKT_ERR_USAGE', { detail: '--today: expected a date YYYY-MM-DD' });
  return new Date(`${flag}T00:00:00Z`);
}

export function staleMonthsOf(flag: string | undefined, name = '--stale-months'): number {
  if (flag === undefined) return defaultStaleMonths;
  const months = Number(flag);
  if (!Number.isInteger(months) || months < 1 || months > 120) throw new PacketError('PKT_ERR_USAGE', { detail: `${name}: expected a whole number of months from 1 to 120` });
  return months;
}

const table = (rows: string[][]): string => {
  const widths = rows[0]!.map((_, column) => Math.max(...rows.map((row) => row[column]!.length)));
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column]!)).join('  ').trimEnd()).join('\n');
};

export function formatCheckReport(report: CheckReport, options: { today: Date; staleMonths: number }): string {
  const lines: string[] = [];
  const day = options.today.toISOString().slice(0, 10);
  lines.push(`Directory ${report.state ?? '?'}: ${report.entryCount} entries, checked ${day}, stale after ${options.staleMonths} months`, '');
  lines.push(
    table([
      ['county', 'network', 'legal providers', 'public defender', 'consulates'],
      ...report.coverage.map((county) => [
        county.name,
        county.network === 'none' ? `NONE ON FILE${county.nearestNetworkIds.length ? ` (nearest: ${county.nearestNetworkIds[0]}${county.nearestNetworkIds.length > 1 ? ` +${county.nearestNetworkIds.length - 1}` : ''})` : ''}` : `${county.network}: ${county.networkIds[0]}${county.networkIds.length > 1 ? ` +${county.networkIds.length - 1}` : ''}`,
        String(county.legalProviders),
        county.publicDefender ? 'yes' : 'no',
        String(county.consulates),
      ]),
    ]),
  );
  const count = (test: (county: CheckReport['coverage'][number]) => boolean) => report.coverage.filter(test).length;
  lines.push(
    '',
    `Coverage: network ${count((county) => county.network !== 'none')}/${report.coverage.length}, ` +
      `legal providers ${count((county) => county.legalProviders > 0)}/${report.coverage.length}, ` +
      `public defender ${count((county) => county.publicDefender)}/${report.coverage.length}, ` +
      `consulate ${count((county) => county.consulates > 0)}/${report.coverage.length}`,
  );
  const section = (title: string, items: string[]) => {
    lines.push('', `${title}: ${items.length}`, ...items.map((item) => `  ${item}`));
  };
  section(
    `Due for confirmation (never confirmed with the organization, or more than ${options.staleMonths} months ago; printed with VERIFY)`,
    report.due.map((entry) => `${entry.confirmedOn ? `confirmed ${entry.confirmedOn}` : `listed ${entry.publishedOn ?? 'undated'}`}${entry.isDerived ? ' (copy of an official list)' : ''}  ${entry.id}`),
  );
  section('Undated sources (only the day they were read is known)', report.undated.map((entry) => `read ${entry.readOn}  ${entry.id}`));
  section('Not printed (status other than active, or every line reported disconnected)', report.notActive.map((entry) => `${entry.status}  ${entry.id}`));
  section('Phone lines listed by more than one entry', report.sharedPhones.map((line) => `${line.digits}  ${line.entryIds.join(', ')}`));
  section('Invalid data (the service will not start)', report.problems.map(describeProblem));
  const warnings = report.due.length + report.sharedPhones.length;
  lines.push('', report.problems.length ? 'Result: INVALID' : `Result: valid, ${warnings} warning${warnings === 1 ? '' : 's'}`);
  return `${lines.join('\n')}\n`;
}

/** Exit 1 when the data is invalid, 0 otherwise (stale entries and shared lines are warnings). */
export function runDirectoryCheck(flags: CheckFlags): number {
  const options = { today: todayOf(flags.today), staleMonths: staleMonthsOf(flags.staleMonths) };
  const report = checkDirectory(inspectStateDirectory(stateDirOf(flags)), options);
  if (flags.updateDoc) {
    if (!existsSync(flags.updateDoc)) throw new PacketError('PKT_ERR_USAGE', { detail: `--update-doc: ${flags.updateDoc} does not exist` });
    let document: string;
    try {
      document = replaceCoverageBlock(readFileSync(flags.updateDoc, 'utf8'), coverageMarkdown(report));
    } catch {
      throw new PacketError('PKT_ERR_USAGE', { detail: `--update-doc: ${flags.updateDoc} has no coverage markers (${coverageStartMarker} … ${coverageEndMarker})` });
    }
    writeFileSync(flags.updateDoc, document);
  }
  process.stdout.write(flags.json ? `${JSON.stringify(report, null, 2)}\n` : formatCheckReport(report, options));
  return report.problems.length ? 1 : 0;
}

export function runDirectoryExport(flags: DirectoryFlags & { format: string; out: string }): void {
  const state = loadStateDirectory(stateDirOf(flags));
  writeHsdsPackage(state, flags.out);
  process.stderr.write(`release-packet: wrote ${state.entries.length} services of ${state.state} as an HSDS data package to ${flags.out}\n`);
}

export interface ImportFlags extends DirectoryFlags {
  from: string;
  allowEmptyingCounties?: boolean;
}

/**
 * Reads a package, refuses it whole if any service lacks a source or a date, if it is empty, or if it would
 * remove every entry of a county or every statewide entry (unless --allow-emptying-counties), then replaces the entry files.
 */
export function runDirectoryImport(flags: ImportFlags): void {
  const stateDir = stateDirOf(flags);
  const { stateFile, entries: current, problems: stateProblems } = inspectStateDirectory(stateDir);
  // The import places every service by the state's counties: without a valid state.json it would place none.
  const statePath = join(stateDir, 'state.json');
  const stateProblem = stateProblems.find((problem) => problem.file === statePath);
  if (!stateFile || stateProblem) {
    throw new PacketError('PKT_ERR_DIRECTORY_INVALID', { detail: `${describeProblem(stateProblem!)}; fix state.json before importing into ${stateDir}` });
  }
  const services = readHsdsServices(flags.from);
  if (services.length === 0) throw new PacketError('PKT_ERR_DIRECTORY_INVALID', { detail: `${flags.from} holds no services; an import never empties a state` });
  const { entries, problems } = hsdsToEntries(services, stateFile.counties, flags.from);
  if (problems.length) {
    throw new PacketError('PKT_ERR_DIRECTORY_INVALID', { detail: `${problems.length} service(s) cannot be imported:\n  ${problems.map(describeProblem).join('\n  ')}` });
  }
  const losses = findImportLosses(current, entries, stateFile.counties);
  if ((losses.countiesEmptied.length || losses.isStatewideEmptied) && !flags.allowEmptyingCounties) {
    const emptied = [...losses.countiesEmptied, ...(losses.isStatewideEmptied ? ['the statewide entries'] : [])];
    throw new PacketError('PKT_ERR_DIRECTORY_INVALID', {
      detail:
        `${flags.from} would remove every entry of ${emptied.join(', ')} ` +
        `(${losses.entriesBefore} entries now, ${losses.entriesAfter} after); add --allow-emptying-counties if that is meant`,
    });
  }
  const files = writeStateEntries(stateDir, entries);
  process.stderr.write(`release-packet: imported ${entries.length} entries into ${stateDir} (${files.join(', ')})\n`);
}
