/**
 * HSDS services ↔ the tabular form of an HSDS data package: one CSV per table, linked by ids, described
 * by datapackage.json (Frictionless "tabular-data-package", as the HSDS 3.0 datapackage.json does).
 */
import { hsdsVersion, taxonomy, type HsdsService } from './hsds-model.js';

type FieldType = 'string' | 'number' | 'boolean' | 'date' | 'array' | 'object';

interface TableSpec {
  name: string;
  path: string;
  fields: [name: string, type: FieldType][];
  /** Foreign keys: field → the table whose id it names. */
  references?: Record<string, string>;
}

export type Row = Record<string, unknown>;
export type Tables = Record<string, Row[]>;

export const tableSpecs: TableSpec[] = [
  { name: 'organization', path: 'organizations.csv', fields: [['id', 'string'], ['name', 'string'], ['description', 'string'], ['website', 'string'], ['rp_is_nonprofit', 'boolean']] },
  {
    name: 'service',
    path: 'services.csv',
    fields: [
      ['id', 'string'], ['organization_id', 'string'], ['name', 'string'], ['description', 'string'], ['status', 'string'],
      ['assured_date', 'date'], ['assurer_email', 'string'], ['fees_description', 'string'], ['eligibility_description', 'string'],
      ['minimum_age', 'number'], ['maximum_age', 'number'], ['rp_id', 'string'], ['rp_state', 'string'], ['rp_scope', 'string'],
      ['rp_address', 'string'], ['rp_source_title', 'string'], ['rp_source_url', 'string'], ['rp_source_read_on', 'date'],
      ['rp_source_published_on', 'date'], ['rp_source_derived_from', 'object'], ['rp_corroborated_by', 'array'], ['rp_history', 'array'],
      ['rp_is_detained_only', 'boolean'], ['rp_recognition', 'object'], ['rp_notes', 'string'],
    ],
    references: { organization_id: 'organization' },
  },
  { name: 'phone', path: 'phones.csv', fields: [['id', 'string'], ['service_id', 'string'], ['number', 'string'], ['extension', 'number'], ['type', 'string'], ['description', 'string'], ['rp_is_24_hours', 'boolean']], references: { service_id: 'service' } },
  { name: 'service_area', path: 'service_areas.csv', fields: [['id', 'string'], ['service_id', 'string'], ['name', 'string'], ['description', 'string'], ['rp_county', 'string']], references: { service_id: 'service' } },
  { name: 'language', path: 'languages.csv', fields: [['id', 'string'], ['service_id', 'string'], ['phone_id', 'string'], ['name', 'string'], ['code', 'string']], references: { service_id: 'service', phone_id: 'phone' } },
  { name: 'attribute', path: 'attributes.csv', fields: [['id', 'string'], ['link_id', 'string'], ['taxonomy_term_id', 'string'], ['link_type', 'string'], ['link_entity', 'string']], references: { link_id: 'service', taxonomy_term_id: 'taxonomy_term' } },
  { name: 'taxonomy_term', path: 'taxonomy_terms.csv', fields: [['id', 'string'], ['code', 'string'], ['name', 'string'], ['description', 'string'], ['taxonomy', 'string'], ['taxonomy_id', 'string']], references: { taxonomy_id: 'taxonomy' } },
  { name: 'taxonomy', path: 'taxonomies.csv', fields: [['id', 'string'], ['name', 'string'], ['description', 'string'], ['uri', 'string'], ['version', 'string']] },
];

const nested = new Set(['organization', 'phones', 'service_areas', 'languages', 'attributes']);

function pick(record: object, exclude: Set<string> = new Set()): Row {
  return Object.fromEntries(Object.entries(record).filter(([key]) => !exclude.has(key)));
}

/** Flattens nested services into rows; an organization or term shared by several services is one row. */
export function servicesToTables(services: HsdsService[]): Tables {
  const organizations = new Map<string, Row>();
  const terms = new Map<string, Row>();
  const tables: Tables = { organization: [], service: [], phone: [], service_area: [], language: [], attribute: [], taxonomy_term: [], taxonomy: [pick(taxonomy)] };
  for (const service of services) {
    organizations.set(service.organization.id, pick(service.organization));
    tables.service!.push(pick(service, nested));
    for (const phone of service.phones) {
      tables.phone!.push(pick(phone, new Set(['languages'])));
      tables.language!.push(...phone.languages.map((language) => pick(language)));
    }
    tables.service_area!.push(...service.service_areas.map((area) => pick(area)));
    tables.language!.push(...service.languages.map((language) => pick(language)));
    for (const attribute of service.attributes) {
      tables.attribute!.push(pick(attribute, new Set(['taxonomy_term'])));
      terms.set(attribute.taxonomy_term.id, { ...attribute.taxonomy_term, taxonomy_id: taxonomy.id });
    }
  }
  tables.organization = [...organizations.values()];
  tables.taxonomy_term = [...terms.values()];
  return tables;
}

/** Joins the rows back into nested services, in the order of services.csv. */
export function tablesToServices(tables: Tables): Row[] {
  const byId = (rows: Row[] = []) => new Map(rows.map((row) => [row.id, row]));
  const groupBy = (rows: Row[] = [], key: string) => {
    const groups = new Map<unknown, Row[]>();
    for (const row of rows) groups.set(row[key], [...(groups.get(row[key]) ?? []), row]);
    return groups;
  };
  const organizations = byId(tables.organization);
  const terms = byId(tables.taxonomy_term);
  const phoneLanguages = groupBy(tables.language?.filter((row) => row.phone_id !== undefined), 'phone_id');
  const phones = groupBy(tables.phone?.map((phone) => ({ ...phone, languages: phoneLanguages.get(phone.id) ?? [] })), 'service_id');
  const areas = groupBy(tables.service_area, 'service_id');
  const languages = groupBy(tables.language?.filter((row) => row.service_id !== undefined), 'service_id');
  const attributes = groupBy(tables.attribute, 'link_id');
  return (tables.service ?? []).map((service) => ({
    ...service,
    ...(organizations.has(service.organization_id) ? { organization: organizations.get(service.organization_id) } : {}),
    phones: phones.get(service.id) ?? [],
    service_areas: areas.get(service.id) ?? [],
    languages: languages.get(service.id) ?? [],
    attributes: (attributes.get(service.id) ?? []).map((attribute) => ({ ...attribute, taxonomy_term: terms.get(attribute.taxonomy_term_id) })),
  }));
}

/** CSV cells are text: booleans as true/false, arrays as JSON, absent values as empty cells. */
export function toCell(value: unknown, type: FieldType): string {
  if (value === undefined || value === null) return '';
  if (type === 'array' || type === 'object') return JSON.stringify(value);
  return String(value);
}

export function fromCell(cell: string, type: FieldType): unknown {
  if (cell === '') return undefined;
  if (type === 'number') return Number(cell);
  if (type === 'boolean') return cell === 'true';
  if (type === 'array' || type === 'object') return JSON.parse(cell);
  return cell;
}

export function dataPackageDescriptor(state: string): object {
  return {
    name: `release-packet-directory-${state}`,
    title: `release-packet directory (${state.toUpperCase()}), Open Referral HSDS ${hsdsVersion}`,
    profile: 'tabular-data-package',
    version: hsdsVersion,
    description: 'Rapid response networks, immigrant legal service providers, public defenders and consulates. Every service carries its source (rp_source_*) the day it was read and its own date (rp_source_read_on, rp_source_published_on), and the date it was last confirmed with the organization (assured_date, absent until then; rp_history holds every check). Fields starting with rp_ are release-packet extensions, described in docs/DATA.md.',
    resources: tableSpecs.map((spec) => ({
      name: spec.name,
      path: spec.path,
      format: 'csv',
      mediatype: 'text/csv',
      profile: 'tabular-data-resource',
      schema: {
        primaryKey: 'id',
        fields: spec.fields.map(([name, type]) => ({ name, type, ...(name === 'id' ? { constraints: { required: true, unique: true } } : {}) })),
        foreignKeys: Object.entries(spec.references ?? {}).map(([field, table]) => ({ fields: field, reference: { resource: table, fields: 'id' } })),
      },
    })),
  };
}
