/**
 * The staff form as a view model: every label from the operator's `ui.json`, every option from the loaded
 * locales and the directory, the values posted kept, and each error placed next to its field. The template
 * (templates/ui/form.hbs) only prints what this builds; it decides nothing.
 */
import type { Engine } from '../../engine.js';
import type { CatalogTree } from '../../i18n/catalogs.js';
import { listLocales } from '../../i18n/list-locales.js';
import { countyCoverage } from '../../directory/check-directory.js';
import { contactRoles, limits } from '../../request/schema.js';
import type { FormFields } from './form-fields.js';
import { contactRows } from './contact-rows.js';

export interface FormError {
  path: string;
  message: string;
}

export interface FormState {
  uiLanguage: string;
  fields: FormFields;
  /** The problem's title when the last post failed. */
  summary?: string;
  errors: FormError[];
  /** "Add another contact" was pressed: one more row than were on the page. */
  addsContactRow?: boolean;
}

/** "person.name" → "f-person-name": ids for labels, error links and aria-describedby. */
export const fieldId = (path: string) => `f-${path.replace(/[^a-zA-Z0-9]+/g, '-')}`;

function merge(base: CatalogTree, over: CatalogTree | undefined): CatalogTree {
  const out: CatalogTree = { ...base };
  for (const [key, value] of Object.entries(over ?? {})) {
    const fallback = base[key];
    out[key] = typeof value === 'object' && typeof fallback === 'object' ? merge(fallback, value) : value;
  }
  return out;
}

/** The operator's UI strings, English filling any key a draft locale lacks. */
export function uiStrings(engine: Engine, lng: string): CatalogTree {
  const english = engine.catalogs.locales.get('en')?.catalogs.ui ?? {};
  return lng === 'en' ? english : merge(english, engine.catalogs.locales.get(lng)?.catalogs.ui);
}

export function buildFormView(engine: Engine, state: FormState) {
  const t = uiStrings(engine, state.uiLanguage) as { form: Record<string, Record<string, string> & { [key: string]: unknown }> } & CatalogTree;
  const form = t.form as Record<string, Record<string, string>>;
  const rows = contactRows(state.fields, state.addsContactRow === true);
  const value = (path: string) => {
    const raw = rows.fields[path];
    return (Array.isArray(raw) ? raw[0] : raw) ?? '';
  };
  const errorsByPath = new Map<string, string[]>();
  for (const error of state.errors) errorsByPath.set(error.path, [...(errorsByPath.get(error.path) ?? []), error.message]);
  const used = new Set<string>();
  const field = (path: string, extra: Record<string, unknown> = {}) => {
    used.add(path);
    const messages = errorsByPath.get(path) ?? [];
    return { name: path, id: fieldId(path), value: value(path), errors: messages, hasError: messages.length > 0, errorId: `${fieldId(path)}-error`, ...extra };
  };
  const choice = (path: string, options: { value: string; label: string }[]) => ({
    ...field(path),
    options: options.map((option) => ({ ...option, id: `${fieldId(path)}-${option.value || 'none'}`, selected: value(path) === option.value })),
  });
  const isChecked = (path: string) => ['true', 'on'].includes(value(path));

  const locales = listLocales(engine.catalogs);
  const languageLabel = (locale: (typeof locales)[number]) =>
    `${locale.name}${locale.name === locale.englishName ? '' : ` (${locale.englishName})`}, ${locale.status === 'reviewed' ? form.languages!.reviewed : form.languages!.draft}`;
  const state_ = engine.directory.states.get(engine.stateId)!;
  const coverage = countyCoverage(state_.counties, state_.entries);
  const countyLabel = (row: (typeof coverage)[number]) => `${row.name}${row.network === 'none' ? `, ${form.place!.noNetwork}` : ''}`;
  const languageOptions = locales.map((locale) => ({ value: locale.id, label: languageLabel(locale) }));
  const countyOptions = coverage.map((row) => ({ value: row.slug, label: countyLabel(row) }));
  const yesNo = [
    { value: '', label: form.iceHold!.unknown! },
    { value: 'true', label: form.iceHold!.yes! },
    { value: 'false', label: form.iceHold!.no! },
  ];
  const roleOptions = [{ value: '', label: form.contacts!.choose! }, ...contactRoles.map((role) => ({ value: role, label: form.roles![role]! }))];

  const view = {
    t,
    lang: state.uiLanguage,
    dir: engine.catalogs.locales.get(state.uiLanguage)?.meta.dir ?? 'ltr',
    uiLanguages: locales.map((locale) => ({ id: locale.id, name: locale.name, isCurrent: locale.id === state.uiLanguage })),
    language: choice('language', languageOptions.map((option) => ({ ...option }))),
    secondLanguage: choice('secondLanguage', [{ value: '', label: form.languages!.secondAuto! }, ...languageOptions]),
    county: choice('county', [{ value: '', label: form.place!.choose! }, ...countyOptions]),
    destinationCounty: choice('destinationCounty', [{ value: '', label: form.place!.sameCounty! }, ...countyOptions]),
    youth: field('youth', { checked: isChecked('youth') }),
    name: field('person.name', { maxChars: limits.nameChars }),
    releaseDate: field('release.date'),
    releaseLocation: field('release.location', { maxChars: limits.locationChars }),
    iceReceived: field('iceHold.received', { checked: isChecked('iceHold.received') }),
    agencyWillComply: choice('iceHold.agencyWillComply', yesNo),
    releaseInfoShared: choice('iceHold.releaseInfoSharedWithIce', yesNo),
    contacts: Array.from({ length: rows.count }, (_, index) => ({
      number: index + 1,
      role: choice(`contacts.${index}.role`, roleOptions),
      name: field(`contacts.${index}.name`),
      phone: field(`contacts.${index}.phone`),
    })),
    // The row "add another" will bring, so the page scrolls to it (the button's formaction carries its id).
    addContact: rows.canAdd ? { nextNumber: rows.count + 1, max: limits.contacts } : undefined,
    paper: choice('print.paper', [
      { value: 'letter', label: form.print!.letter! },
      { value: 'a4', label: form.print!.a4! },
    ]),
    largePrint: field('print.largePrint', { checked: isChecked('print.largePrint') }),
    cards: field('print.cards', { maxCards: limits.cards }),
    cardLayout: choice('print.cardLayout', [
      { value: 'duplex', label: form.print!.duplex! },
      { value: 'fold', label: form.print!.fold! },
    ]),
    staffChecklist: field('print.staffChecklist', { checked: isChecked('print.staffChecklist') }),
    staffLanguage: choice('print.staffLanguage', [{ value: '', label: form.print!.staffLanguageDefault! }, ...languageOptions]),
    fillIn: field('print.fillIn', { checked: isChecked('print.fillIn') }),
    delivery: choice('delivery', [
      { value: 'attachment', label: form.delivery!.attachment! },
      { value: 'inline', label: form.delivery!.inline! },
    ]),
    summary: state.summary,
    hasErrors: state.summary !== undefined,
    errors: [] as { message: string; href: string }[],
  };
  // A new form starts on Letter, download, four cards, English.
  if (!value('print.paper')) view.paper.options[0]!.selected = true;
  if (!value('print.cardLayout')) view.cardLayout.options[0]!.selected = true;
  if (!value('delivery')) view.delivery.options[0]!.selected = true;
  if (!value('print.cards')) view.cards.value = '4';
  if (!value('language')) view.language.options.find((option) => option.value === 'en')!.selected = true;
  // The summary names each field by its label; a link goes to the field, or the form's top for an error without one.
  const labels: Record<string, string | undefined> = {
    county: form.place!.county,
    destinationCounty: form.place!.destinationCounty,
    language: form.languages!.language,
    secondLanguage: form.languages!.secondLanguage,
    'person.name': form.person!.name,
    'release.date': form.person!.releaseDate,
    'release.location': form.person!.releaseLocation,
    'print.cards': form.print!.cards,
    'print.staffLanguage': form.print!.staffLanguage,
    'print.paper': form.print!.paper,
    'print.cardLayout': form.print!.cardLayout,
    'iceHold.agencyWillComply': form.iceHold!.agencyWillComply,
    'iceHold.releaseInfoSharedWithIce': form.iceHold!.releaseInfoShared,
    delivery: form.delivery!.legend,
    contacts: form.contacts!.legend,
  };
  const labelOf = (path: string) => {
    const contact = /^contacts\.(\d+)\.(role|name|phone)$/.exec(path);
    return contact ? `${form.contacts!.contact} ${Number(contact[1]) + 1}, ${form.contacts![contact[2]!]}` : labels[path];
  };
  view.errors = state.errors.map((error) => {
    const label = labelOf(error.path);
    return { message: label ? `${label}: ${error.message}` : error.message, href: `#${used.has(error.path) ? fieldId(error.path) : error.path === 'contacts' ? 'f-contacts' : 'packet-form'}` };
  });
  return view;
}

export type FormView = ReturnType<typeof buildFormView>;
