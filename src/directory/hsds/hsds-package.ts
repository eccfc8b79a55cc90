/**
 * Writes and reads an HSDS data package folder: services.json (the HSDS API's paged service list, every
 * service nested) and the same data as CSV tables with datapackage.json. Written to a temporary folder
 * and renamed into place, so a failed export leaves nothing half-written.
 */
import { existsSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import { PacketError } from '../../errors.js';
import type { StateDirectory } from '../load-directory.js';
import { stateToHsdsList } from './entries-to-hsds.js';
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

function readText(path: string): string {
  try {
    return readFileSync(path, 'utf8');
  } catch (cause) {
    throw new PacketError('PKT_ERR_DIRECTORY_INVALID', { cause, detail: `${path} cannot be read` });
  }
}

function readJsonFile(path: string): unknown {
  try {
    return JSON.parse(readText(path));
  } catch (cause) {
    if (cause instanceof PacketError) throw cause;
    throw new PacketError('PKT_ERR_DIRECTORY_INVALID', { cause, detail: `${path} is not valid JSON` });
  }
}

/** Reads the CSV tables a datapackage.json lists, typing each cell by the field types it declares. */
function readTables(packageDir: string): Tables {
  const descriptor = readJsonFile(join(packageDir, dataPackageFile)) as {
    resources?: { name?: string; path?: string; schema?: { fields?: { name: string; type?: string }[] } }[];
  };
  const tables: Tables = {};
  for (const resource of descriptor.resources ?? []) {
    if (!resource.name || !resource.path) continue;
    const path = join(packageDir, resource.path);
    if (!existsSync(path)) continue;
    const types = new Map((resource.schema?.fields ?? []).map((field) => [field.name, field.type ?? 'string']));
    const records = parse(readText(path), { columns: true, skip_empty_lines: true, bom: true }) as Record<string, string>[];
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
  const isFolder = existsSync(join(source, dataPackageFile)) || existsSync(join(source, servicesJsonFile));
  if (isFolder && existsSync(join(source, dataPackageFile))) return tablesToServices(readTables(source));
  const json = readJsonFile(isFolder ? join(source, servicesJsonFile) : source);
  if (Array.isArray(json)) return json;
  const contents = (json as { contents?: unknown })?.contents;
  if (Array.isArray(contents)) return contents;
  throw new PacketError('PKT_ERR_DIRECTORY_INVALID', { detail: `${source}: expected an HSDS service list ({ "contents": [...] }) or an array of services` });
}
