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

export function renderDocument(model: PacketModel, deps: RenderDeps): RenderedDocument {
  const dirOf = (lang: string) => deps.catalogs.locales.get(lang)?.meta.dir ?? 'ltr';
  const { html, blocks, sharedBlocks } = renderSections(model, { templates: deps.templates, dirOf, ...(deps.sectionCache ? { sectionCache: deps.sectionCache } : {}) });
  const t = deps.catalogs.fixedT(model.primary.id);
  const tEnglish = deps.catalogs.fixedT('en');
  const draftMarks: Record<string, string> = {};
  for (const language of model.languages) {
    const tLanguage = deps.catalogs.fixedT(language.id);
    const marks: string[] = [];
    if (language.isDraft) marks.push(tLanguage('packet:document.draftMark'));
    // Legal text translated from English that has changed since (source-hashes.json) never prints unmarked.
    if (deps.catalogs.locales.get(language.id)?.outdatedLegalKeys.length) marks.push(tLanguage('packet:document.outdatedMark'));
    if (marks.length) draftMarks[language.id] = marks.join(' · ');
  }
  const interpolation = { interpolation: { escapeValue: false } };
  return {
    html,
    blocks,
    sharedBlocks,
    lang: model.primary.id,
    languages: model.languages.map((language) => ({ id: language.id, dir: language.dir, isDraft: language.isDraft })),
    furniture: {
      footer: t('packet:document.footer', { page: '{{page}}', pages: '{{pages}}', ...interpolation }),
      draftMarks,
      staffOnly: `${tEnglish('packet:document.staffOnly')}${model.primary.id === 'en' ? '' : ` / ${t('packet:document.staffOnly')}`}`,
      blankPage: t('packet:document.blankPage'),
      cardsFrontTitle: t('packet:document.cardsFront'),
      cardsBackTitle: t('packet:document.cardsBack'),
    },
    // Document metadata is visible in every PDF viewer: it names the county, never the person.
    title: `${t('packet:document.title')} (${model.county.name})`,
    subject: t('packet:document.subject', { county: model.county.name, state: model.state.name, ...interpolation }),
  };
}
