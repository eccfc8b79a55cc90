/**
 * The two parts of `generate` where a slip harms a person without any PDF being wrong: the request the flags
 * make (a contact's phone read as part of a name, a request file's hold answer lost when one flag is given)
 * and what a failed write says (a full disk reported as "permission denied" sends the operator the wrong
 * way). Written against the survivors of the cli-output mutation run (docs/TESTING.md); no packet is built.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Writable } from 'node:stream';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contactFromFlag, errorLanguage, requestFromFlags } from '../../src/cli/generate-command.js';
import { writeOutput, type OutputFs } from '../../src/cli/write-output.js';
import type { PacketError } from '../../src/errors.js';

let folder = '';
beforeEach(() => {
  folder = mkdtempSync(join(tmpdir(), 'flags-'));
});
afterEach(() => rmSync(folder, { recursive: true, force: true }));

function requestFile(content: unknown): string {
  const path = join(folder, 'request.json');
  writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
  return path;
}

describe('--contact role:name[:phone]', () => {
  it('reads the last part as the phone only when it looks like one', () => {
    expect(contactFromFlag('attorney:Ana Ruiz:559-555-0101')).toEqual({ role: 'attorney', name: 'Ana Ruiz', phone: '559-555-0101' });
    expect(contactFromFlag(' family : Rosa Pérez : (559) 555-0101 ext. 12 ')).toEqual({ role: 'family', name: 'Rosa Pérez', phone: '(559) 555-0101 ext. 12' });
    expect(contactFromFlag('emergency:Luis:+52 55 1234 5678 x9')).toEqual({ role: 'emergency', name: 'Luis', phone: '+52 55 1234 5678 x9' });
    // Digits that are not a phone stay in the name, with the colon that separated them.
    expect(contactFromFlag('other:Pastor Juan:Room 5')).toEqual({ role: 'other', name: 'Pastor Juan:Room 5' });
    expect(contactFromFlag('other:Dr. J: Smith')).toEqual({ role: 'other', name: 'Dr. J: Smith' });
    // A phone-like part with nothing before it is the name: a contact always has one.
    expect(contactFromFlag('family:555-0101')).toEqual({ role: 'family', name: '555-0101' });
    expect(contactFromFlag('family:Rosa:--')).toEqual({ role: 'family', name: 'Rosa:--' });
    expect(contactFromFlag('family')).toEqual({ role: 'family', name: '' });
  });
});

describe('the request the flags make', () => {
  it('is the request file when no flag is given, and {} without a file', () => {
    const file = { county: 'fresno', language: 'es', print: { paper: 'a4' } };
    expect(requestFromFlags({ out: 'x.pdf', format: 'pdf', request: requestFile(file) })).toEqual(file);
    expect(requestFromFlags({ out: 'x.pdf', format: 'pdf' })).toEqual({});
  });

  it('sets each field a flag names, over the file\'s value, and keeps the file\'s other fields', () => {
    const path = requestFile({
      county: 'kern',
      iceHold: { received: true, agencyWillComply: false },
      release: { date: '2026-12-01', location: 'Main Jail' },
      person: { name: 'Old Name' },
      print: { paper: 'a4', cards: 2 },
    });
    const request = requestFromFlags({
      out: 'x.pdf',
      format: 'pdf',
      request: path,
      lang: 'es',
      secondLang: 'vi',
      county: 'fresno',
      destinationCounty: 'kern',
      youth: true,
      releaseInfoShared: true,
      releasePlace: 'Fresno County Jail',
      name: 'Ana Ruiz',
      largePrint: true,
      staffChecklist: true,
      cards: '4',
    });
    expect(request).toEqual({
      language: 'es',
      secondLanguage: 'vi',
      county: 'fresno',
      destinationCounty: 'kern',
      youth: true,
      iceHold: { received: true, agencyWillComply: false, releaseInfoSharedWithIce: true },
      release: { date: '2026-12-01', location: 'Fresno County Jail' },
      person: { name: 'Ana Ruiz' },
      print: { paper: 'a4', cards: 4, largePrint: true, staffChecklist: true },
    });
  });

  it('makes the hold from the flags alone, each answer only when given', () => {
    expect(requestFromFlags({ out: 'x', format: 'pdf', iceHold: true }).iceHold).toEqual({ received: true });
    expect(requestFromFlags({ out: 'x', format: 'pdf', agencyWillComply: false }).iceHold).toEqual({ agencyWillComply: false });
    expect(requestFromFlags({ out: 'x', format: 'pdf', iceHold: true, agencyWillComply: true }).iceHold).toEqual({ received: true, agencyWillComply: true });
    expect(requestFromFlags({ out: 'x', format: 'pdf', releaseDate: '2026-12-01' }).release).toEqual({ date: '2026-12-01' });
    const none = requestFromFlags({ out: 'x', format: 'pdf', youth: false, largePrint: false, staffChecklist: false, contact: [] });
    expect(none).toEqual({});
  });

  it('passes a card count that is not a whole number on as typed, for the schema to refuse by name', () => {
    expect(requestFromFlags({ out: 'x', format: 'pdf', cards: 'ten' }).print).toEqual({ cards: 'ten' });
    expect(requestFromFlags({ out: 'x', format: 'pdf', cards: '12' }).print).toEqual({ cards: 12 });
    expect(requestFromFlags({ out: 'x', format: 'pdf', paper: 'a4' }).print).toEqual({ paper: 'a4' });
  });

  it('replaces the file\'s contacts with the --contact flags', () => {
    const path = requestFile({ county: 'fresno', contacts: [{ role: 'other', name: 'From File' }] });
    expect(requestFromFlags({ out: 'x', format: 'pdf', request: path, contact: ['family:Rosa:559-555-0101'] }).contacts).toEqual([
      { role: 'family', name: 'Rosa', phone: '559-555-0101' },
    ]);
  });

  it('refuses a request file it cannot read, or that is not one JSON object, naming where', () => {
    const refusal = (request: string) => {
      try {
        requestFromFlags({ out: 'x', format: 'pdf', request });
      } catch (error) {
        return { code: (error as PacketError).code, issues: (error as PacketError).issues };
      }
      throw new Error('expected a refusal');
    };
    expect(refusal(join(folder, 'missing.json'))).toEqual({ code: 'PKT_ERR_REQUEST_INVALID', issues: [{ path: '--request', messageKey: 'errors:field.unreadable' }] });
    for (const content of ['[1, 2]', '"fresno"', 'null']) {
      expect(refusal(requestFile(content))).toEqual({ code: 'PKT_ERR_REQUEST_INVALID', issues: [{ path: '', messageKey: 'errors:field.type', params: { expected: 'object' } }] });
    }
    expect(refusal(requestFile('{ county: fresno'))).toMatchObject({ code: 'PKT_ERR_REQUEST_JSON' });
  });
});

describe('the language errors are explained in', () => {
  it('is --lang, else the request file\'s language, else none', () => {
    expect(errorLanguage({ lang: 'vi', request: requestFile({ language: 'es' }) })).toBe('vi');
    expect(errorLanguage({ request: requestFile({ language: 'es' }) })).toBe('es');
    expect(errorLanguage({ request: requestFile({ language: 7 }) })).toBeUndefined();
    expect(errorLanguage({ request: requestFile('not json') })).toBeUndefined();
    expect(errorLanguage({ request: join(folder, 'missing.json') })).toBeUndefined();
    // Standard input can be read once: it is the request, not a place to look for a language.
    expect(errorLanguage({ request: '-' })).toBeUndefined();
    expect(errorLanguage({})).toBeUndefined();
  });
});

describe('what a failed write says', () => {
  /** A file system where the target does not exist yet and writing the temporary file fails with `code`. */
  function failingWith(code: string): { fs: OutputFs; removed: string[] } {
    const removed: string[] = [];
    const fs = {
      lstatSync: () => {
        throw Object.assign(new Error('no such file'), { code: 'ENOENT' });
      },
      statSync: () => {
        throw new Error('not called');
      },
      realpathSync: (path: string) => path,
      writeFileSync: () => {
        throw Object.assign(new Error(`${code}: failed`), { code });
      },
      renameSync: () => undefined,
      rmSync: (path: string) => void removed.push(String(path)),
      chmodSync: () => undefined,
    } as unknown as OutputFs;
    return { fs, removed };
  }

  it.each([
    ['ENOSPC', 'errors:field.outputNoSpace'],
    ['EDQUOT', 'errors:field.outputNoSpace'],
    ['EACCES', 'errors:field.outputDenied'],
    ['EPERM', 'errors:field.outputDenied'],
    ['EROFS', 'errors:field.outputDenied'],
    ['ENOENT', 'errors:field.outputNoFolder'],
    ['ENOTDIR', 'errors:field.outputNoFolder'],
    ['EIO', 'errors:field.outputFailed'],
  ])('names %s as %s, with the system\'s code, and leaves no temporary file', async (code, messageKey) => {
    const { fs, removed } = failingWith(code);
    const failure = (await writeOutput(join(folder, 'packet.pdf'), 'bytes', { fs }).catch((error: unknown) => error)) as PacketError;
    expect(failure.code).toBe('PKT_ERR_OUTPUT_UNWRITABLE');
    expect(failure.issues).toEqual([{ path: '--out', messageKey, params: { reason: code } }]);
    expect(failure.message).toContain(code);
    expect(removed).toHaveLength(1);
    expect(removed[0]).toMatch(/\/\.packet\.pdf\.[0-9a-f]{12}\.partial$/);
  });

  it('says "failed" without a reason for an error with no system code', async () => {
    const { fs } = failingWith('');
    const failure = (await writeOutput(join(folder, 'packet.pdf'), 'bytes', { fs }).catch((error: unknown) => error)) as PacketError;
    expect(failure.issues).toEqual([{ path: '--out', messageKey: 'errors:field.outputFailed' }]);
  });

  it('reports a folder it cannot look into, rather than writing blind', async () => {
    const fs = { ...failingWith('EIO').fs, lstatSync: () => { throw Object.assign(new Error('denied'), { code: 'EACCES' }); } } as OutputFs;
    const failure = (await writeOutput(join(folder, 'packet.pdf'), 'bytes', { fs }).catch((error: unknown) => error)) as PacketError;
    expect(failure.issues).toEqual([{ path: '--out', messageKey: 'errors:field.outputDenied', params: { reason: 'EACCES' } }]);
  });
});

describe('a new packet file', () => {
  it('is whole, and readable by its owner (tests run as root, who reads any file: so the mode is checked)', async () => {
    const path = join(folder, 'packet.pdf');
    await writeOutput(path, 'the packet');
    expect(readFileSync(path, 'utf8')).toBe('the packet');
    expect(statSync(path).mode & 0o600).toBe(0o600);
  });
});

describe('--out - (standard output)', () => {
  it('writes the bytes whole and waits for them to leave', async () => {
    const chunks: Buffer[] = [];
    const stdout = new PassThrough();
    stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    await writeOutput('-', 'the packet', { stdout });
    expect(Buffer.concat(chunks).toString()).toBe('the packet');
    expect(stdout.listenerCount('error')).toBe(0);
  });

  it('reports a closed pipe as the output closed, and hears the error event that follows', async () => {
    const stdout = new Writable({
      write(_chunk, _encoding, callback) {
        callback(Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }));
      },
    });
    const failure = (await writeOutput('-', 'the packet', { stdout }).catch((error: unknown) => error)) as PacketError;
    expect(failure.issues).toEqual([{ path: '--out', messageKey: 'errors:field.outputClosed', params: { reason: 'EPIPE' } }]);
    // The stream's own 'error' event follows the callback: the listener stays to hear it (an unheard 'error'
    // event is thrown as an uncaught exception, which fails the run).
    await new Promise((resolve) => setImmediate(resolve));
    expect(stdout.destroyed).toBe(true);
  });
});
