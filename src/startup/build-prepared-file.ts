/** `npm run build` step: writes the prepared startup file next to the built code, so the first CLI call is already fast. */
import { getPreparedEngine } from '../engine.js';
import { defaultPreparedPath } from './prepared-file.js';

const engine = getPreparedEngine();
process.stdout.write(`prepared startup file ${engine.startupSource === 'prepared' ? 'up to date' : 'written'}: ${defaultPreparedPath}\n`);
