// Dependency advisories for CI: `npm audit --omit=dev --audit-level=high`, failing on a high or critical
// advisory when the advisory service answers. Where it refuses (this build network's registry answers the
// bulk advisory endpoint with 405) or cannot be reached, a notice is printed and CI goes on: an unanswered
// audit is not evidence of a vulnerability, and failing on it would fail every build here.
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

// AUDIT_REPORT_FILE: a saved `npm audit --json` answer, so tests can check each decision without the network.
const run = process.env.AUDIT_REPORT_FILE
  ? { stdout: readFileSync(process.env.AUDIT_REPORT_FILE, 'utf8'), stderr: '' }
  : spawnSync('npm', ['audit', '--omit=dev', '--audit-level=high', '--json'], { encoding: 'utf8', timeout: 120_000 });
let report;
try {
  report = JSON.parse(run.stdout || '{}');
} catch {
  report = {};
}

const refused = report.error || run.error || !report.metadata;
if (refused) {
  const reason = report.error?.summary || report.error?.code || report.message || run.error?.message || (run.stderr || "no answer").trim().split("\n")[0];
  console.log(`NOTICE: npm audit skipped: the advisory service did not answer (${reason}). Dependencies were not checked for advisories in this run.`);
  process.exit(0);
}

const counts = report.metadata.vulnerabilities ?? {};
const serious = (counts.high ?? 0) + (counts.critical ?? 0);
console.log(`npm audit (production dependencies): ${JSON.stringify(counts)}`);
if (serious > 0) {
  for (const [name, finding] of Object.entries(report.vulnerabilities ?? {})) {
    if (finding.severity === 'high' || finding.severity === 'critical') console.log(`  ${finding.severity}: ${name} ${finding.range ?? ''}`);
  }
  console.log('npm audit: high or critical advisories in production dependencies; failing.');
  process.exit(1);
}
