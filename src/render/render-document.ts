/** Render stage: PacketModel → the document tree (and its HTML) through the Handlebars templates and `t`. */
import type { Catalogs } from '../i18n/catalogs.js';
import type { PacketModel } from '../packet/build-packet.js';
import type { RenderedDocument } from './document-tree.js';
import type { Templates } from './templates.js';
import type { SectionCache } from './section-cache.js';
import { renderSections } from './render-sections.js';

export interface RenderDeps {
  catalogs: Catalogs;
  templates: Templates;
  /** Shares the sections that hold no personal data between packets; without it every section is rendered. */
  sectionCache?: SectionCache;
}

/**
 * A language's name as running text in another language gives it (Intl, from CLDR): "español" in a Spanish
 * sentence, "Spanish" in an English one; the locale's own name (meta.json) when Intl does not know it.
 */
/** CLDR's pseudo-locale regions (accented, bidi). */
const pseudoRegion = /-(XA|XB|XC)$/i;

function languageNameIn(lng: string, languageId: string, catalogs: Catalogs): string {
  const meta = catalogs.locales.get(languageId)?.meta;
  try {
    // An id Intl takes for an alias (tl → fil, "Filipino") keeps the name this project gives the locale, and so
    // does a pseudo-locale (en-XA: Intl would name it in plain English, which no catalog translated).
    if (Intl.getCanonicalLocales(languageId)[0] === languageId && !pseudoRegion.test(languageId)) {
      const name = new Intl.DisplayNames([lng], { type: 'language', fallback: 'none' }).of(languageId);
      if (name) return name;
    }
  } catch {
    // An id Intl cannot parse: the locale's own name below.
  }
  return (lng === 'en' ? meta?.englishName : meta?.name) ?? languageId;
}

export function renderDocument(model: PacketModel, deps: RenderDeps): RenderedDocument {
  const dirOf = (lang: string) => deps.catalogs.locales.get(lang)?.meta.dir ?? 'ltr';
  const { html, blocks, sharedBlocks } = renderSections(model, { templates: deps.templates, dirOf, ...(deps.sectionCache ? { sectionCache: deps.sectionCache } : {}) });
  const t = deps.catalogs.fixedT(model.primary.id);
  const interpolation = { interpolation: { escapeValue: false } };
  // Staff pages put the staff's language first, then the person's (or the packet's other language).
  const staffLangs = [...new Set([model.staffLanguage, model.primary.id, model.secondary.id])].slice(0, 2);
  const inEach = (langs: string[], key: string, options: Record<string, unknown> = {}) =>
    langs.map((lng) => ({ text: deps.catalogs.fixedT(lng)(key, { ...options, ...interpolation }) as string, lang: lng }));
  // A draft mark names the draft language in that language and in the packet's other (or English), so both readers see it.
  const draftMarks: Record<string, { text: string; lang: string }[]> = {};
  for (const language of model.languages) {
    const marks: { text: string; lang: string }[] = [];
    if (language.isDraft) {
      const other = model.languages.find((candidate) => candidate.id !== language.id)?.id ?? 'en';
      for (const lng of [language.id, ...(other === language.id ? [] : [other])]) {
        marks.push({ text: deps.catalogs.fixedT(lng)('packet:document.draftMark', { language: languageNameIn(lng, language.id, deps.catalogs), ...interpolation }) as string, lang: lng });
      }
    }
    // Legal text translated from English that has changed since (source-hashes.json) never prints unmarked.
    if (deps.catalogs.locales.get(language.id)?.outdatedLegalKeys.length) {
      marks.push({ text: deps.catalogs.fixedT(language.id)('packet:document.outdatedMark') as string, lang: language.id });
    }
    if (marks.length) draftMarks[language.id] = marks;
  }
  const pageNumbers = { page: '{{page}}', pages: '{{pages}}' };
  return {
    html,
    blocks,
    sharedBlocks,
    lang: model.primary.id,
    staffLang: staffLangs[0]!,
    languages: model.languages.map((language) => ({ id: language.id, dir: language.dir, isDraft: language.isDraft })),
    furniture: {
      footer: t('packet:document.footer', { ...pageNumbers, ...interpolation }),
      staffFooter: inEach(staffLangs, 'packet:document.staffFooter', pageNumbers).map((line) => line.text).join(' · '),
      draftMarks,
      staffOnly: inEach(staffLangs, 'packet:document.staffOnly'),
      blankPage: t('packet:document.blankPage'),
      blankSheet: t('packet:document.blankSheet'),
      cardsDuplex: t('packet:document.cardsDuplex'),
      cardsFold: t('packet:document.cardsFold'),
    },
    // Document metadata is visible in every PDF viewer: it names the county, never the person.
    title: `${t('packet:document.title')} (${model.county.name})`,
    subject: t('packet:document.subject', { county: model.county.name, state: model.state.name, ...interpolation }),
  };
}
