/**
 * What the program says and which exit code it returns when a command fails (DESIGN.md: 0 ok, 1 bad input,
 * 2 internal error; 130 for a batch stopped by Ctrl-C). The work behind `locales list` and `batch` is
 * replaced here by one that fails as asked, so each way of failing is reached in-process, without a packet.
 */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PacketError } from '../../src/errors.js';
import { useCliSandbox } from '../support/cli-sandbox.js';

const failure = vi.hoisted(() => ({ error: undefined as unknown, engine: undefined as unknown, leftOut: [] as { folder: string; problems: string[] }[] }));

vi.mock('../../src/cli/locales-command.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/cli/locales-command.js')>()),
  runLocalesList: () => {
    throw failure.error;
  },
}));
vi.mock('../../src/cli/batch-command.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/cli/batch-command.js')>()),
  runBatchCommand: () => Promise.reject(failure.error),
}));

// The catalogs may fail to load (a broken English file), or a locale folder may have been left out.
vi.mock('../../src/engine.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../src/engine.js')>();
  return {
    ...original,
    getPreparedEngine: () => {
      if (failure.engine) throw failure.engine;
      return original.getPreparedEngine();
    },
  };
});
vi.mock('../../src/i18n/list-locales.js', async (importOriginal) => ({
  ...(await importOriginal<typeof import('../../src/i18n/list-locales.js')>()),
  listLeftOutLocales: () => failure.leftOut,
}));

const { main } = await import('../../src/cli/program.js');

const sandbox = useCliSandbox('release-packet-exit-');
const environment = { ...process.env };
afterEach(() => {
  process.env = { ...environment };
  failure.engine = undefined;
  failure.leftOut = [];
});
const stderr = () => sandbox.stderr.join('');
/** Runs `locales list` with the work behind it throwing `thrown`: exit 2, and what the operator then reads. */
async function internalFailure(thrown: unknown): Promise<string> {
  sandbox.stderr.length = 0;
  failure.error = thrown;
  expect(await main(['locales', 'list'])).toBe(2);
  return stderr();
}
const batch = (...flags: string[]) => main([...flags, 'batch', '--counties', 'fresno', '--langs', 'en', '--out', `${sandbox.folder}/out`]);

describe('a maintainer tool that fails', () => {
  it('exits 2 on a bug, naming only the kind of error, and shows the stack only with RELEASE_PACKET_DEBUG', async () => {
    delete process.env.RELEASE_PACKET_DEBUG;
    expect(await internalFailure(new TypeError('cannot read x of CANARYNAME7Q'))).toBe('release-packet: internal error (TypeError); set RELEASE_PACKET_DEBUG=1 for details\n');
    expect(await internalFailure('thrown as a string')).toBe('release-packet: internal error (string); set RELEASE_PACKET_DEBUG=1 for details\n');

    process.env.RELEASE_PACKET_DEBUG = '1';
    expect(await internalFailure(new TypeError('cannot read x'))).toContain('TypeError: cannot read x\n    at ');
  });

  it('exits 2 even for something thrown that is no error at all, and makes up no stack for it', async () => {
    process.env.RELEASE_PACKET_DEBUG = '1';
    expect(await internalFailure(undefined)).toBe('release-packet: internal error (undefined); set RELEASE_PACKET_DEBUG=1 for details\n\n');
    expect(await internalFailure('thrown as a string')).toBe('release-packet: internal error (string); set RELEASE_PACKET_DEBUG=1 for details\n\n');
    sandbox.stderr.length = 0;
    failure.error = undefined;
    expect(await batch()).toBe(2);
    expect(stderr()).toMatch(/\(PKT_ERR_INTERNAL\)\n\n$/);
  });

  it('exits 1 for a usage error or invalid directory data, 2 for any other failure of the service, with the error\'s own detail', async () => {
    failure.error = new PacketError('PKT_ERR_USAGE', { detail: '--dir: no such folder' });
    expect(await main(['locales', 'list'])).toBe(1);
    expect(stderr()).toBe('release-packet: The command cannot be run as given: --dir: no such folder (PKT_ERR_USAGE)\n');
    // A maintainer's data is wrong: their input, not our bug, though the service itself would answer 500.
    failure.error = new PacketError('PKT_ERR_DIRECTORY_INVALID', { detail: 'x.json: has no source' });
    expect(await main(['locales', 'list'])).toBe(1);
    failure.error = new PacketError('PKT_ERR_I18N_CATALOG', { detail: 'locales/en does not load' });
    expect(await main(['locales', 'list'])).toBe(2);
    // A 4xx that is not a usage error is the operator's too.
    failure.error = new PacketError('PKT_ERR_OUTPUT_EXISTS', { detail: 'x exists' });
    expect(await main(['locales', 'list'])).toBe(1);
  });
});

describe('a packet command that fails', () => {
  it('exits 130 for a batch stopped by Ctrl-C, after saying nothing was left half-written', async () => {
    failure.error = new PacketError('PKT_ERR_INTERRUPTED');
    expect(await batch()).toBe(130);
    expect(stderr()).toBe('release-packet: The batch was stopped before it was complete. No partial file was left. (PKT_ERR_INTERRUPTED)\n');
  });

  it('lists each field at fault under the message, "(request)" for the request as a whole, and exits 1', async () => {
    failure.error = new PacketError('PKT_ERR_REQUEST_INVALID', {
      issues: [
        { path: '--paper', messageKey: 'errors:field.choice', params: { choices: 'letter, a4' } },
        { path: '', messageKey: 'errors:PKT_ERR_USAGE' },
      ],
    });
    expect(await batch()).toBe(1);
    const lines = stderr().split('\n');
    expect(lines[0]).toBe('release-packet: The request has errors. Please correct the fields listed. (PKT_ERR_REQUEST_INVALID)');
    expect(lines[1]).toMatch(/^ {2}--paper: .*letter, a4/);
    expect(lines[2]).toBe('  (request): The command cannot be run as given.');
  });

  it('exits 2 on a bug without its message, and adds the stack only with RELEASE_PACKET_DEBUG', async () => {
    delete process.env.RELEASE_PACKET_DEBUG;
    failure.error = new RangeError('offset of CANARYNAME7Q');
    expect(await batch()).toBe(2);
    expect(stderr()).toContain('(PKT_ERR_INTERNAL)');
    expect(stderr()).not.toContain('CANARYNAME7Q');
    expect(stderr()).not.toContain('    at ');
    process.env.RELEASE_PACKET_DEBUG = '1';
    expect(await batch()).toBe(2);
    expect(stderr()).toContain('RangeError: offset of CANARYNAME7Q\n    at ');
  });

  it('says why the packet\'s language is missing when its folder was left out, and only for that folder', async () => {
    failure.leftOut = [
      { folder: 'pt-BR', problems: ['error pt-BR/ui.json:3: not valid JSON [json-syntax]'] },
      { folder: 'fr', problems: ['error fr/meta.json:2 status [meta-invalid]'] },
    ];
    expect(await main(['generate', '--county', 'fresno', '--lang', 'PT-br', '--out', `${sandbox.folder}/p.pdf`])).toBe(1);
    expect(stderr()).toContain('\n  locales/error pt-BR/ui.json:3: not valid JSON [json-syntax]\n');
    expect(stderr()).not.toContain('fr/meta.json');
  });

  it('names the broken file in English, exit 2, when not even English can be loaded to explain the error', async () => {
    failure.error = new PacketError('PKT_ERR_INTERRUPTED');
    failure.engine = new PacketError('PKT_ERR_I18N_CATALOG', { detail: 'locales/en/errors.json:3: not valid JSON' });
    expect(await batch()).toBe(2);
    expect(stderr()).toBe('release-packet: A locale catalog is missing or invalid: locales/en/errors.json:3: not valid JSON\n');
    sandbox.stderr.length = 0;
    failure.engine = new TypeError('cannot read x of CANARYNAME7Q');
    expect(await batch()).toBe(2);
    expect(stderr()).toBe('release-packet: internal error\n');
  });

  it('speaks the operator\'s language: --ui-lang first, then LC_ALL, LC_MESSAGES, LANG; never the packet\'s', async () => {
    failure.error = new PacketError('PKT_ERR_INTERRUPTED');
    const spanish = 'El lote se detuvo antes de terminar.';
    delete process.env.LC_ALL;
    delete process.env.LC_MESSAGES;
    process.env.LANG = 'es_MX.UTF-8';
    await batch();
    expect(stderr()).toContain(spanish);
    sandbox.stderr.length = 0;
    await batch('--ui-lang', 'en');
    expect(stderr()).not.toContain(spanish);
    sandbox.stderr.length = 0;
    process.env.LANG = 'C';
    await batch();
    expect(stderr()).not.toContain(spanish);
  });
});

describe('commander\'s own refusals', () => {
  it('exits 1 on an unknown option or command and a missing value, 0 for --help', async () => {
    vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    expect(await main(['counties', '--no-such-flag'])).toBe(1);
    expect(await main(['no-such-command'])).toBe(1);
    expect(await main(['batch', '--counties'])).toBe(1);
    expect(await main(['--help'])).toBe(0);
    expect(stderr()).toContain("unknown option '--no-such-flag'");
  });

  it('names the program and says what its own flags are for in --help', async () => {
    const chunks: string[] = [];
    vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => chunks.push(String(chunk)) > 0);
    expect(await main(['--help'])).toBe(0);
    const help = chunks.join('');
    expect(help).toMatch(/^Usage: release-packet \[options\] \[command\]\n\nPrint personalized, bilingual know-your-rights release packets\n/);
    expect(help).toMatch(/-V, --version +print the version\n/);
    expect(help).toMatch(/--ui-lang <tag> +language of messages \(default: from LC_ALL/);
  });
});
