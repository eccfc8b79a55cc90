/** Render stage: PacketModel → the document tree (and its HTML) through the Handlebars templates and `t`. */
import type { Catalogs } from '../i18n/catalogs.js';
import type { PacketModel } from '../packet/build-packet.js';
import { PacketError, isPacketError } from '../errors.js';
import type { RenderedDocument } from './document-tree.js';
import { parseBlocks } from './parse-blocks.js';
import type { Templates } from './templates.js';

export interface RenderDeps {
  catalogs: Catalogs;
  templates: Templates;
}

function runTemplate(template: (context: unknown) => string, context: unknown): string {
  try {
    return template(context);
  } catch (cause) {
    if (isPacketError(cause)) throw cause;
    // Handlebars messages can quote the data they were given: keep them out of the error text.
    throw new PacketError('PKT_ERR_RENDER_TEMPLATE', { cause, detail: cause instanceof Error ? cause.name : 'template failure' });
  }
}

export function renderDocument(model: PacketModel, deps: RenderDeps): RenderedDocument {
  const html = runTemplate(deps.templates.packet, model);
  const dirOf = (lang: string) => deps.catalogs.locales.get(lang)?.meta.dir ?? 'ltr';
  const blocks = parseBlocks(html, model.primary.id, dirOf);
  const t = deps.catalogs.fixedT(model.primary.id);
  const tEnglish = deps.catalogs.fixedT('en');
  const draftMarks: Record<string, string> = {};
  for (const language of model.languages) {
    if (language.isDraft) draftMarks[language.id] = deps.catalogs.fixedT(language.id)('packet:document.draftMark');
  }
  const interpolation = { interpolation: { escapeValue: false } };
  return {
    html,
    blocks,
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
