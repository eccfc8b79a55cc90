/** The one Handlebars helper templates may use besides if/each: `t`, an i18next lookup in a given language. */
import type Handlebars from 'handlebars';
import type { Catalogs } from '../i18n/catalogs.js';
import { PacketError } from '../errors.js';

export const knownHelpers = { t: true } as const;

interface HelperOptions {
  hash: Record<string, unknown>;
}

/**
 * `{{t "packet:cover.title" lng=id name=person.name}}`: the catalog string in `lng`, with the other
 * hash values interpolated (and HTML-escaped by i18next). Catalog markup is kept, so the result is a
 * SafeString. A missing language or key throws: a template must never print a raw key.
 */
export function registerHelpers(handlebars: typeof Handlebars, catalogs: Catalogs): void {
  // Strings without values are catalog text only, the same for every packet: looked up once.
  const plain = new Map<string, Handlebars.SafeString>();
  handlebars.registerHelper('t', function translate(key: unknown, options: HelperOptions) {
    const { lng, ...values } = options.hash;
    if (typeof key !== 'string' || typeof lng !== 'string' || !catalogs.has(lng)) {
      throw new PacketError('PKT_ERR_RENDER_TEMPLATE', { detail: `t needs a key and a known lng (key ${String(key)})` });
    }
    const hasValues = Object.keys(values).length > 0;
    const memoKey = `${lng}\u0000${key}`;
    const known = hasValues ? undefined : plain.get(memoKey);
    if (known) return known;
    const t = catalogs.fixedT(lng);
    const text = t(key, { ...values, lng, defaultValue: '\u0000missing' }) as string;
    if (text === '\u0000missing') {
      throw new PacketError('PKT_ERR_RENDER_TEMPLATE', { detail: `missing catalog key ${key}` });
    }
    const safe = new handlebars.SafeString(text);
    if (!hasValues) plain.set(memoKey, safe);
    return safe;
  });
}
