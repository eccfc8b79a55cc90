/**
 * Writes and reads an HSDS data package folder: services.json (the HSDS API's paged service list, every
 * service nested) and the same data as CSV tables with datapackage.json. Written to a temporary folder
 * and renamed into place, so a failed export leaves nothing half-written.
 */
import { existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { PacketError } from '../../errors.js';
import type { StateDirectory } from '../load-directory.js';
import { stateToHsdsList } from './entries-to-hsds.js';
import { isFolder, readPackageText, resolveResourcePath } from './read-package-file.js';
import { dataPackageDescriptor, fromCell, servicesToTables, tablesToServices, tableSpecs, toCell, type Tables } from './hsds-tables.js';

export const servicesJsonFile = 'services.json';
export const dataPackageFile = 'datapackage.json';

export function writeHsdsPackage(state: StateDirectory, outDir: string): void {
  if (existsSync(outDir)) throw new PacketError('PKT_ERR_USAGE', { detail: `${outDir} already exists; choose a new folder` });
  const staging = mkdtempSync(join(dirname(outDir), `.${basename(outDir)}-`));
  try {
    const list = stateToHsdsList(state);
    writeFileSync(join(staging, servicesJsonFile), `${JSON.stringify(list, null, 2)}\n`);
    const tables = servicesToTables(list.contents);
    for (const spec of tableSpecs) {
      const header = spec.fields.map(([name]) => name);
      const rows = (tables[spec.name] ?? []).map((row) => spec.fields.map(([name, type]) => toCell(row[name], type)));
      writeFileSync(join(staging, spec.path), stringify([header, ...rows]));
    }
    writeFileSync(join(staging, dataPackageFile), `${JSON.stringify(dataPackageDescriptor(state.state), null, 2)}\n`);
    renameSync(staging, outDir);
  } catch (error) {
    rmSync(staging, { recursive: true, force: true });
    throw error;
  }
}

/** An import package is untrusted: at most this many services (California has a few hundred). */
export const maxPackageServices = 20_000;

function readJsonFile(path: string): unknown {
  const text = readPackageText(path);
  try {
    return JSON.parse(text);
  } catch (cause) {
    throw new PacketError('PKT_ERR_DIRECTORY_INVALID', { cause, detail: `${path} is not valid JSON (${(cause as Error).message})` });
  }
}

/** Parses one CSV table; a malformed one is refused naming the file, the line and csv-parse's reason. */
function parseCsvTable(path: string): Record<string, string>[] {
  try {
    return parse(readPackageText(path), { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
  } catch (cause) {
    if (cause instanceof PacketError) throw cause;
    const { lines, code } = cause as { lines?: number; code?: string };
    const reason = ((cause as Error).message ?? 'malformed').replace(/^Invalid (Record Length|Opening Quote|Closing Quote):?\s*/, '');
    throw new PacketError('PKT_ERR_DIRECTORY_INVALID', { cause, detail: `${path}${lines ? ` line ${lines}` : ''}: malformed CSV (${code ?? 'error'}: ${reason})` });
  }
}

/** Reads the CSV tables a datapackage.json lists, typing each cell by the field types it declares. */
function readTables(packageDir: string): Tables {
  const descriptor = readJsonFile(join(packageDir, dataPackageFile)) as {
    resources?: { name?: string; path?: string; schema?: { fields?: { name: string; type?: string }[] } }[];
  };
  const tables: Tables = {};
  const known = new Set(tableSpecs.map((spec) => spec.name));
  if (!Array.isArray(descriptor.resources)) throw new PacketError('PKT_ERR_DIRECTORY_INVALID', { detail: `${join(packageDir, dataPackageFile)}: no "resources" list` });
  for (const resource of descriptor.resources) {
    // Only the tables we read are opened at all: a package may list others, which stay unread.
    if (typeof resource?.name !== 'string' || !known.has(resource.name) || typeof resource.path !== 'string') continue;
    const path = resolveResourcePath(packageDir, resource.path, join(packageDir, dataPackageFile));
    const types = new Map((resource.schema?.fields ?? []).map((field) => [field.name, field.type ?? 'string']));
    const records = parseCsvTable(path);
    tables[resource.name] = records.map((record) =>
      Object.fromEntries(
        Object.entries(record)
          .map(([name, cell]) => [name, fromCell(cell, (types.get(name) ?? 'string') as Parameters<typeof fromCell>[1])] as const)
          .filter(([, value]) => value !== undefined),
      ),
    );
  }
  return tables;
}

/**
 * The services of a package: from a services.json file (a paged list or a bare array), or from a folder's
 * datapackage.json tables (preferred when present, as the form other directories most often publish).
 */
export function readHsdsServices(source: string): unknown[] {
  const services = readServices(source);
  if (services.length > maxPackageServices) {
    throw new PacketError('PKT_ERR_DIRECTORY_INVALID', { detail: `${source}: ${services.length} services; the limit is ${maxPackageServices}` });
  }
  return services;
}

function readServices(source: string): unknown[] {
  const folder = isFolder(source);
  if (folder && existsSync(join(source, dataPackageFile))) return tablesToServices(readTables(source));
  if (folder && !existsSync(join(source, servicesJsonFile))) {
    throw new PacketError('PKT_ERR_DIRECTORY_INVALID', { detail: `${source}: a package folder holds a ${dataPackageFile} or a ${servicesJsonFile}` });
  }
  const json = readJsonFile(folder ? join(source, servicesJsonFile) : source);
  if (Array.isArray(json)) return json;
  const contents = (json as { contents?: unknown })?.contents;
  if (Array.isArray(contents)) return contents;
  throw new PacketError('PKT_ERR_DIRECTORY_INVALID', { detail: `${source}: expected an HSDS service list ({ "contents": [...] }) or an array of services` });
}
