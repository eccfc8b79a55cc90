/**
 * The Dockerfile, read statically: these machines have no Docker engine, so the image has never been built
 * here (README, Deployment). What can be checked without building it is checked against the project itself:
 * a Node the engines field allows, production dependencies only, an unprivileged user, node in the
 * foreground as the command (so `docker stop`'s SIGTERM reaches the graceful shutdown), the port it listens
 * on exposed, a health check on a probe the app really serves, and every file the code reads at run time.
 */
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { useQuietApp } from '../support/quiet-app.js';

const root = fileURLToPath(new URL('../../', import.meta.url));

interface Instruction {
  keyword: string;
  args: string;
}
interface Stage {
  image: string;
  name?: string;
  instructions: Instruction[];
}

/** Instructions by stage: continuation lines joined, comments dropped. */
function parseDockerfile(text: string): Stage[] {
  const logical = text
    .replace(/\\\r?\n/g, ' ')
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line !== '' && !line.startsWith('#'));
  const stages: Stage[] = [];
  for (const line of logical) {
    const [, keyword = '', args = ''] = /^(\S+)\s*(.*)$/.exec(line) ?? [];
    if (keyword.toUpperCase() === 'FROM') {
      const [, image = '', name] = /^(\S+)(?:\s+AS\s+(\S+))?/i.exec(args) ?? [];
      stages.push({ image, ...(name ? { name } : {}), instructions: [] });
    } else {
      stages.at(-1)?.instructions.push({ keyword: keyword.toUpperCase(), args });
    }
  }
  return stages;
}

const dockerfile = parseDockerfile(readFileSync(join(root, 'Dockerfile'), 'utf8'));
const runtime = dockerfile.at(-1)!;
const all = (stage: Stage, keyword: string) => stage.instructions.filter((instruction) => instruction.keyword === keyword);
const last = (stage: Stage, keyword: string) => all(stage, keyword).at(-1);
/** CMD ["node", "x"] → ['node', 'x']; shell form → undefined (a shell as PID 1 does not pass signals on). */
const execForm = (args: string): string[] | undefined => (args.trim().startsWith('[') ? (JSON.parse(args) as string[]) : undefined);
const envOf = (stage: Stage) =>
  Object.fromEntries(all(stage, 'ENV').flatMap((env) => [...env.args.matchAll(/(\w+)=("[^"]*"|\S+)/g)].map(([, key, value]) => [key!, value!.replace(/^"|"$/g, '')])));

const app = useQuietApp();

describe('Dockerfile (static checks; never built on these machines)', () => {
  it('runs a Node major that package.json engines allows', () => {
    const major = Number(/^node:(\d+)/.exec(runtime.image)?.[1]);
    const engines = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { engines: { node: string } }).engines.node;
    const allowed = engines.split('||').some((range) => {
      const [, operator, wanted] = /^\s*(\^|>=)(\d+)\./.exec(range) ?? [];
      return operator === '^' ? major === Number(wanted) : operator === '>=' ? major >= Number(wanted) : false;
    });
    expect(allowed, `${runtime.image} against "${engines}"`).toBe(true);
  });

  it('runs as an unprivileged user, set before the command', () => {
    const user = last(runtime, 'USER')?.args.split(':')[0];
    expect(user).toBeDefined();
    expect(['root', '0']).not.toContain(user);
    expect(runtime.instructions.findIndex((instruction) => instruction.keyword === 'USER')).toBeLessThan(runtime.instructions.findIndex((instruction) => instruction.keyword === 'CMD'));
  });

  it('ships production dependencies only: npm ci, then dev dependencies left out', () => {
    const copy = all(runtime, 'COPY').find((instruction) => /\bnode_modules\b/.test(instruction.args));
    const from = /--from=(\S+)/.exec(copy?.args ?? '')?.[1];
    const source = from ? dockerfile.find((stage) => stage.name === from) : runtime;
    const runs = (source ? all(source, 'RUN') : []).map((run) => run.args).join(' && ');
    expect(runs).toMatch(/\bnpm ci\b/);
    expect(runs).toMatch(/npm ci\b[^&]*--omit=dev|npm prune\b[^&]*(--omit=dev|--production)/);
  });

  it('starts node itself in the foreground, on the script npm start runs', () => {
    const command = execForm(last(runtime, 'CMD')?.args ?? '');
    expect(command, 'CMD in exec form').toBeDefined();
    expect(command![0]).toBe('node');
    const start = (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { scripts: { start: string } }).scripts.start;
    expect(start).toContain(`node ${command![1]}`);
    // dist/ is built in the image: its entry must come from a source file that exists.
    expect(existsSync(join(root, command![1]!.replace(/^dist\//, 'src/').replace(/\.js$/, '.ts')))).toBe(true);
    expect(last(runtime, 'ENTRYPOINT')).toBeUndefined();
  });

  it('exposes the port the service listens on', () => {
    const port = envOf(runtime).PORT;
    expect(port).toBeDefined();
    expect(all(runtime, 'EXPOSE').map((expose) => expose.args.split('/')[0])).toContain(port);
    // Inside a container, loopback would be unreachable from a published port.
    expect(envOf(runtime).HOST).toBe('0.0.0.0');
  });

  it('checks health on a probe the app serves, outside /api (API keys would refuse it)', () => {
    const healthcheck = last(runtime, 'HEALTHCHECK');
    expect(healthcheck).toBeDefined();
    const path = /127\.0\.0\.1:[^/]*(\/[a-z]+)/.exec(healthcheck!.args)?.[1];
    expect(['/healthz', '/readyz']).toContain(path);
    expect(app().routeTable.some((route) => route.method === 'GET' && route.url === path)).toBe(true);
  });

  it('copies every file the code reads at run time into the image', () => {
    // Folders and files read through projectPath(...) in src/: the image must hold each of them.
    const sources = (function walk(folder: string): string[] {
      return readdirSync(folder).flatMap((name) => {
        const path = join(folder, name);
        return statSync(path).isDirectory() ? walk(path) : path.endsWith('.ts') ? [path] : [];
      });
    })(join(root, 'src'));
    const read = new Set(sources.flatMap((file) => [...readFileSync(file, 'utf8').matchAll(/projectPath\('([^']+)'/g)].map((match) => match[1]!)));
    expect(read.size).toBeGreaterThan(2);
    const copied = all(runtime, 'COPY').flatMap((copy) => {
      const parts = copy.args.split(/\s+/).filter((part) => !part.startsWith('--'));
      return parts.slice(0, -1).map((source) => source.replace(/^\/app\//, '').replace(/^\.\//, ''));
    });
    expect([...read].filter((path) => !copied.includes(path))).toEqual([]);
  });

  it('copies from the build context only what exists and .dockerignore lets through', () => {
    const ignored = readFileSync(join(root, '.dockerignore'), 'utf8').split(/\r?\n/).map((line) => line.trim()).filter((line) => line && !line.startsWith('#'));
    const fromContext = dockerfile.flatMap((stage) => all(stage, 'COPY').filter((copy) => !copy.args.includes('--from=')));
    const sources = fromContext.flatMap((copy) => copy.args.split(/\s+/).filter((part) => !part.startsWith('--')).slice(0, -1));
    expect(sources.length).toBeGreaterThan(0);
    expect(sources.filter((source) => !existsSync(join(root, source)))).toEqual([]);
    expect(sources.filter((source) => ignored.includes(source.replace(/^\.\//, '')))).toEqual([]);
  });
});
