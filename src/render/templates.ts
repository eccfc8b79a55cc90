/** Compiles templates/*.hbs once: packet.hbs is the document, every other file is a partial of its name. */
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
}

export const defaultTemplatesDir = projectPath('templates');

// strict: a missing field throws instead of printing nothing (Handlebars compile docs);
// knownHelpersOnly: templates cannot call anything but if/each/t.
const compileOptions = { strict: true, knownHelpersOnly: true, knownHelpers, noEscape: false } as const;

export function compileTemplates(catalogs: Catalogs, templatesDir = defaultTemplatesDir): Templates {
  const handlebars = Handlebars.create();
  registerHelpers(handlebars, catalogs);
  const files = readdirSync(templatesDir).filter((file) => file.endsWith('.hbs'));
  for (const file of files) {
    const name = basename(file, '.hbs');
    if (name === 'packet' || name === 'preview') continue;
    handlebars.registerPartial(name, handlebars.compile(readFileSync(join(templatesDir, file), 'utf8'), compileOptions));
  }
  const compile = (name: string) =>
    handlebars.compile(readFileSync(join(templatesDir, `${name}.hbs`), 'utf8'), compileOptions) as CompiledTemplate;
  return { packet: compile('packet'), preview: compile('preview') };
}
