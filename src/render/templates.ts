/**
 * Compiles templates/*.hbs once: packet.hbs is the document, every other file is a partial of its name.
 * Each partial is also compiled on its own, so a packet can render section by section and reuse those
 * that hold no personal data (render-document.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, basename } from 'node:path';
import Handlebars from 'handlebars';
import type { Catalogs } from '../i18n/catalogs.js';
import { projectPath } from '../project-paths.js';
import { knownHelpers, registerHelpers } from './helpers.js';

export type CompiledTemplate = (context: unknown) => string;

export interface Templates {
  packet: CompiledTemplate;
  preview: CompiledTemplate;
  /** By partial name: `{{> name}}` alone, with the packet's context. */
  partials: ReadonlyMap<string, CompiledTemplate>;
}

export const defaultTemplatesDir = projectPath('templates');

// strict: a missing field throws instead of printing nothing (Handlebars compile docs);
// knownHelpersOnly: templates cannot call anything but if/each/t.
const compileOptions = { strict: true, knownHelpersOnly: true, knownHelpers, noEscape: false } as const;

export function compileTemplates(catalogs: Catalogs, templatesDir = defaultTemplatesDir): Templates {
  const handlebars = Handlebars.create();
  registerHelpers(handlebars, catalogs);
  const files = readdirSync(templatesDir).filter((file) => file.endsWith('.hbs'));
  const partials = new Map<string, CompiledTemplate>();
  for (const file of files) {
    const name = basename(file, '.hbs');
    if (name === 'packet' || name === 'preview') continue;
    handlebars.registerPartial(name, handlebars.compile(readFileSync(join(templatesDir, file), 'utf8'), compileOptions));
    partials.set(name, handlebars.compile(`{{> ${name}}}`, compileOptions) as CompiledTemplate);
  }
  const compile = (name: string) =>
    handlebars.compile(readFileSync(join(templatesDir, `${name}.hbs`), 'utf8'), compileOptions) as CompiledTemplate;
  return { packet: compile('packet'), preview: compile('preview'), partials };
}
