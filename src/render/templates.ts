/**
 * Compiles templates/*.hbs once: packet.hbs is the document, every other file is a partial of its name.
 * Each partial is also compiled on its own, so a packet can render section by section and reuse those
 * that hold no personal data (render-document.ts).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, basename } from 'node:path';
import { createRequire } from 'node:module';
import type Handlebars from 'handlebars';
import type { Catalogs } from '../i18n/catalogs.js';
import { projectPath } from '../project-paths.js';
import { knownHelpers, registerHelpers } from './helpers.js';
import { PacketError } from '../errors.js';

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

const require = createRequire(import.meta.url);
type HandlebarsEnv = typeof Handlebars;
// The runtime alone when templates come precompiled (the prepared startup file); the compiler only otherwise.
const handlebarsRuntime = (): HandlebarsEnv => require('handlebars/runtime.js') as HandlebarsEnv;
const handlebarsCompiler = (): HandlebarsEnv => require('handlebars') as HandlebarsEnv;

/** Precompiled template specifications (JavaScript source) by name: `name` a template, `>name` a partial's wrapper. */
export type TemplateSpecs = Record<string, string>;

function readTemplates(templatesDir: string): Map<string, string> {
  const sources = new Map<string, string>();
  for (const file of readdirSync(templatesDir).filter((file) => file.endsWith('.hbs')).sort()) {
    sources.set(basename(file, '.hbs'), readFileSync(join(templatesDir, file), 'utf8'));
  }
  return sources;
}

const isDocument = (name: string) => name === 'packet' || name === 'preview';

/** The work of compiling done ahead, for the prepared startup file: what `compileTemplates` does lazily at first render. */
export function precompileTemplates(templatesDir = defaultTemplatesDir): TemplateSpecs {
  const handlebars = handlebarsCompiler();
  const specs: TemplateSpecs = {};
  for (const [name, source] of readTemplates(templatesDir)) {
    specs[name] = handlebars.precompile(source, compileOptions) as string;
    if (!isDocument(name)) specs[`>${name}`] = handlebars.precompile(`{{> ${name}}}`, compileOptions) as string;
  }
  return specs;
}

/** `specs`: templates precompiled by precompileTemplates from the same folder; without them, compiled here. */
export function compileTemplates(catalogs: Catalogs, templatesDir = defaultTemplatesDir, specs?: TemplateSpecs): Templates {
  const handlebars = (specs ? handlebarsRuntime() : handlebarsCompiler()).create();
  registerHelpers(handlebars, catalogs);
  const load = (name: string, source: string | undefined): CompiledTemplate => {
    const spec = specs?.[name];
    // A precompiled spec is an object literal of functions in source form: Handlebars' own runtime format.
    if (spec !== undefined) return handlebars.template(new Function(`return ${spec}`)()) as CompiledTemplate;
    if (specs || source === undefined) throw new PacketError('PKT_ERR_INTERNAL', { detail: `template ${name} missing from the precompiled set` });
    return handlebars.compile(source, compileOptions) as CompiledTemplate;
  };
  const sources = specs ? undefined : readTemplates(templatesDir);
  const names = specs ? Object.keys(specs).filter((name) => !name.startsWith('>')) : [...sources!.keys()];
  const partials = new Map<string, CompiledTemplate>();
  for (const name of names) {
    if (isDocument(name)) continue;
    handlebars.registerPartial(name, load(name, sources?.get(name)));
    partials.set(name, load(`>${name}`, `{{> ${name}}}`));
  }
  return { packet: load('packet', sources?.get('packet')), preview: load('preview', sources?.get('preview')), partials };
}
