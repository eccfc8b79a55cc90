#!/usr/bin/env node
/** Executable entry of `release-packet` (package.json "bin"); the commands live in program.ts. */
import { main } from './program.js';

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  () => {
    process.stderr.write('release-packet: internal error\n');
    process.exitCode = 2;
  },
);
