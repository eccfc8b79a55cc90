/** .ci/audit.mjs decides from npm audit's answer: fail on high or critical, notice (not failure) when refused. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const script = fileURLToPath(new URL('../../.ci/audit.mjs', import.meta.url));

function decide(answer: unknown): { status: number | null; stdout: string } {
  const folder = mkdtempSync(join(tmpdir(), 'release-packet-audit-'));
  try {
    const file = join(folder, 'audit.json');
    writeFileSync(file, JSON.stringify(answer));
    const run = spawnSync(process.execPath, [script], { env: { ...process.env, AUDIT_REPORT_FILE: file }, encoding: 'utf8' });
    return { status: run.status, stdout: run.stdout };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

const metadata = (counts: Record<string, number>) => ({ vulnerabilities: { info: 0, low: 0, moderate: 0, high: 0, critical: 0, total: 0, ...counts } });

describe('CI dependency audit', () => {
  it('fails on a high advisory in a production dependency, naming it', () => {
    const result = decide({ vulnerabilities: { 'some-lib': { severity: 'high', range: '<1.2.3' } }, metadata: metadata({ high: 1, total: 1 }) });
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('high: some-lib <1.2.3');
  });

  it('fails on a critical advisory', () => {
    expect(decide({ vulnerabilities: { x: { severity: 'critical' } }, metadata: metadata({ critical: 1, total: 1 }) }).status).toBe(1);
  });

  it('passes with only moderate advisories', () => {
    expect(decide({ vulnerabilities: { x: { severity: 'moderate' } }, metadata: metadata({ moderate: 1, total: 1 }) }).status).toBe(0);
  });

  it('prints a notice and passes when the advisory service refuses (405 on these machines)', () => {
    const result = decide({ message: '405 Method Not Allowed - POST https://registry.example/-/npm/v1/security/advisories/bulk', statusCode: 405 });
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(/^NOTICE: npm audit skipped: .*405 Method Not Allowed/);
  });
});
