/** `batch` explains its errors in the operator's --ui-lang, like every other command (it used the environment's locale only). */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/program.js';
import { useCliSandbox } from '../support/cli-sandbox.js';

const sandbox = useCliSandbox('release-packet-batch-lang-');
const spanish = JSON.parse(readFileSync(new URL('../../locales/es/errors.json', import.meta.url), 'utf8')) as Record<string, string>;

describe('batch --ui-lang', () => {
  it('says what is wrong in Spanish for --ui-lang es', async () => {
    const code = await main(['--ui-lang', 'es', 'batch', '--counties', 'nowhere', '--langs', 'en', '--out', `${sandbox.folder}/out`]);
    expect(code).toBe(1);
    expect(sandbox.stderr.join('')).toContain(spanish.PKT_ERR_REQUEST_INVALID);
  });
});
