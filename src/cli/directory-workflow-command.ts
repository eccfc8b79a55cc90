/** `release-packet directory due|verify`: the verification workflow of the people who keep the directory current. */
import { existsSync, readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { PacketError } from '../errors.js';
import { inspectStateDirectory } from '../directory/inspect-directory.js';
import { loadStateDirectory } from '../directory/load-directory.js';
import { buildCallSheet, callSheetColumns, callSheetRecords } from '../directory/call-sheet.js';
import { writeCallSheetPdf } from '../directory/call-sheet-pdf.js';
import { applyVerifications, type Verification } from '../directory/record-verification.js';
import { writeStateEntries } from '../directory/write-state-entries.js';
import { getPreparedEngine } from '../engine.js';
import { writeOutput } from './write-output.js';
import { stateDirOf, staleMonthsOf, todayOf, type DirectoryFlags } from './directory-command.js';

export interface DueFlags extends DirectoryFlags {
  months?: string;
  today?: string;
  csv?: string;
  pdf?: string;
  force?: boolean;
}

export async function runDirectoryDue(flags: DueFlags): Promise<number> {
  const today = todayOf(flags.today);
  const months = staleMonthsOf(flags.months, '--months');
  const state = loadStateDirectory(stateDirOf(flags));
  const rows = buildCallSheet(state, today, months);
  const csv = stringify(callSheetRecords(rows));
  if (!flags.csv && !flags.pdf) process.stdout.write(csv);
  if (flags.csv) await writeOutput(flags.csv, csv, { force: flags.force === true });
  if (flags.pdf) {
    const pdf = await writeCallSheetPdf(rows, { stateName: state.name, today, months, engine: getPreparedEngine() });
    await writeOutput(flags.pdf, pdf, { force: flags.force === true });
  }
  const counties = new Set(rows.map((row) => row.county)).size;
  process.stderr.write(`release-packet: ${rows.length} line(s) due for confirmation in ${counties} county group(s)\n`);
  return 0;
}

export interface VerifyFlags extends DirectoryFlags {
  from?: string;
  entry?: string;
  number?: string;
  result?: string;
  by?: string;
  method?: string;
  newNumber?: string;
  url?: string;
  note?: string;
  on?: string;
  today?: string;
}

type CsvRow = Record<(typeof callSheetColumns)[number], string>;

/** The filled call sheet: rows whose result is empty were not called and are skipped. */
function verificationsFromCsv(path: string): { where: string; verification: Verification }[] {
  if (!existsSync(path)) throw new PacketError('PKT_ERR_USAGE', { detail: `--from: ${path} does not exist` });
  let rows: CsvRow[];
  try {
    rows = parse(readFileSync(path, 'utf8'), { columns: true, skip_empty_lines: true, trim: true, bom: true }) as CsvRow[];
  } catch (error) {
    throw new PacketError('PKT_ERR_USAGE', { detail: `--from: ${path} is not a readable CSV (${(error as Error).message})` });
  }
  const missing = ['entry_id', 'number', 'result', 'checked_on', 'checked_by', 'method'].filter((column) => rows.length > 0 && !(column in rows[0]!));
  if (missing.length) throw new PacketError('PKT_ERR_USAGE', { detail: `--from: ${path} lacks the column(s) ${missing.join(', ')} of a call sheet` });
  return rows.flatMap((row, index) =>
    row.result
      ? [{
          // Row 1 is the header.
          where: `row ${index + 2}`,
          verification: {
            entryId: row.entry_id,
            number: row.number,
            result: row.result,
            on: row.checked_on,
            by: row.checked_by,
            method: row.method,
            ...(row.new_number ? { newNumber: row.new_number } : {}),
            ...(row.url ? { url: row.url } : {}),
            ...(row.note ? { note: row.note } : {}),
          },
        }]
      : [],
  );
}

function verificationFromFlags(flags: VerifyFlags, today: Date): { where: string; verification: Verification } {
  const missing = (['entry', 'number', 'result', 'by', 'method'] as const).filter((flag) => !flags[flag]);
  if (missing.length) throw new PacketError('PKT_ERR_USAGE', { detail: `verify needs --from <filled call sheet>, or ${missing.map((flag) => `--${flag}`).join(', ')}` });
  return {
    where: flags.entry!,
    verification: {
      entryId: flags.entry!,
      number: flags.number!,
      result: flags.result!,
      on: flags.on ?? today.toISOString().slice(0, 10),
      by: flags.by!,
      method: flags.method!,
      ...(flags.newNumber ? { newNumber: flags.newNumber } : {}),
      ...(flags.url ? { url: flags.url } : {}),
      ...(flags.note ? { note: flags.note } : {}),
    },
  };
}

export function runDirectoryVerify(flags: VerifyFlags): number {
  const today = todayOf(flags.today);
  const stateDir = stateDirOf(flags);
  const verifications = flags.from ? verificationsFromCsv(flags.from) : [verificationFromFlags(flags, today)];
  if (verifications.length === 0) {
    process.stderr.write('release-packet: no row of the call sheet has a result: nothing recorded\n');
    return 0;
  }
  const inspection = inspectStateDirectory(stateDir);
  if (inspection.problems.length) throw new PacketError('PKT_ERR_DIRECTORY_INVALID', { detail: 'the directory is invalid: run `release-packet directory check` first' });
  const entries = applyVerifications(inspection.entries, verifications, today);
  writeStateEntries(stateDir, entries);
  const counts = new Map<string, number>();
  for (const { verification } of verifications) counts.set(verification.result, (counts.get(verification.result) ?? 0) + 1);
  process.stderr.write(`release-packet: recorded ${verifications.length} result(s) (${[...counts].map(([result, count]) => `${count} ${result}`).join(', ')}) in ${stateDir}\n`);
  return 0;
}
