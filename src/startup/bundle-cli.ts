/**
 * `npm run build` step: the command line as a few ESM files in dist/bundle/ (entry main.js, the render
 * worker beside it), dependencies included. A CLI call then loads a handful of files instead of resolving
 * and reading some 350 modules, which was a third of its start-up (`npm run bench` measures both). The
 * service and the tests keep running the unbundled code; the bundle prints the same bytes (tests/cli/bundle).
 */
import { chmodSync, rmSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';
import { build, type Plugin } from 'esbuild';
import { projectPath } from '../project-paths.js';

/**
 * zod re-exports its error messages in some fifty languages (`z.locales`), which no code here
 * reads: messages come from our own catalogs (request/parse-request.ts), and zod keeps English by default.
 * Only English goes into the bundle: 380 KB less source for every CLI call to parse.
 */
const zodEnglishMessagesOnly: Plugin = {
  name: 'zod-english-messages-only',
  setup(bundler) {
    const zodV4 = `${sep}zod${sep}v4${sep}`;
    // Both zod/v4/classic and zod/v4/core re-export the whole set.
    bundler.onResolve({ filter: /^\.\.\/locales\/index\.js$/ }, (args) =>
      args.importer.includes(zodV4) ? { path: join(dirname(args.importer), '..', 'locales', 'index.js'), namespace: 'zod-english-messages' } : undefined,
    );
    bundler.onLoad({ filter: /.*/, namespace: 'zod-english-messages' }, (args) => ({
      contents: `export { default as en } from ${JSON.stringify(join(dirname(args.path), 'en.js'))};`,
      resolveDir: dirname(args.path),
    }));
  },
};

const outdir = projectPath('dist', 'bundle');
rmSync(outdir, { recursive: true, force: true });
await build({
  entryPoints: [projectPath('dist', 'cli', 'main.js'), projectPath('dist', 'worker', 'render-worker.js')],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Chunks shared by the commands, each command group's code loaded only when it runs (as in dist/cli/).
  splitting: true,
  // Flat names: the render pool finds its worker as ./render-worker.js beside its own chunk.
  entryNames: '[name]',
  outdir,
  // jsonc-parser's "main" is a UMD file whose requires esbuild cannot follow; its ESM build bundles cleanly.
  mainFields: ['module', 'main'],
  // piscina starts its threads from a file of its own found through __dirname: it stays in node_modules.
  external: ['piscina'],
  // Bundled CommonJS dependencies (pdf-lib, handlebars) call require() for Node's own modules.
  banner: { js: "import { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);" },
  plugins: [zodEnglishMessagesOnly],
  logLevel: 'warning',
  // Less source for V8 to parse at every call (2.9 MB to 2.1 MB: median 0.27 s to 0.25 s for one packet);
  // names are kept, so a stack trace (RELEASE_PACKET_DEBUG=1) still reads.
  minifyWhitespace: true,
  minifySyntax: true,
});
// Executable, as an installed bin is: its first line says how to run it.
chmodSync(join(outdir, 'main.js'), 0o755);
process.stdout.write(`command line bundled: ${outdir}\n`);
