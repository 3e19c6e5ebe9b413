// Adds up the per-file mutation reports (reports/files/*.json, written by file.config.mjs runs):
// a Markdown table per folder (killed, survived, not covered, score) and every surviving or
// uncovered mutant with its line, for docs/testing.md. `node tests/mutation/summary.mjs [folder...]`
// Score = (killed + timed out) / (killed + timed out + survived + not covered), as Stryker counts it.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const dir = 'reports/files';
const folders = process.argv.slice(2);
const rows = new Map();
const open = [];
for (const name of readdirSync(dir).filter((n) => n.endsWith('.json') && !n.endsWith('.incremental.json'))) {
  const report = JSON.parse(readFileSync(path.join(dir, name), 'utf8'));
  for (const [file, { mutants }] of Object.entries(report.files)) {
    if (folders.length && !folders.some((f) => file.startsWith(f))) continue;
    const row = rows.get(file) ?? { killed: 0, survived: 0, noCoverage: 0, ignored: 0 };
    for (const m of mutants) {
      if (m.status === 'Killed' || m.status === 'Timeout') row.killed++;
      else if (m.status === 'Survived') row.survived++;
      else if (m.status === 'NoCoverage') row.noCoverage++;
      else row.ignored++;
      if (m.status === 'Survived' || m.status === 'NoCoverage') {
        open.push(`${file}:${m.location.start.line} ${m.status} ${m.mutatorName}: ${(m.replacement ?? '').replace(/\s+/g, ' ').slice(0, 90)}`);
      }
    }
    rows.set(file, row);
  }
}
const score = (r) => {
  const decided = r.killed + r.survived + r.noCoverage;
  return decided ? `${((100 * r.killed) / decided).toFixed(1)}%` : '-';
};
const byFolder = new Map();
for (const [file, row] of [...rows].sort()) {
  const folder = path.dirname(file);
  byFolder.set(folder, [...(byFolder.get(folder) ?? []), [file, row]]);
}
for (const [folder, files] of byFolder) {
  const total = { killed: 0, survived: 0, noCoverage: 0, ignored: 0 };
  console.log(`\n| \`${folder}\` | killed | survived | not covered | score |\n| --- | --- | --- | --- | --- |`);
  for (const [file, r] of files) {
    for (const k of Object.keys(total)) total[k] += r[k];
    console.log(`| \`${path.basename(file)}\` | ${r.killed} | ${r.survived} | ${r.noCoverage} | ${score(r)} |`);
  }
  console.log(`| **all ${files.length} files** | ${total.killed} | ${total.survived} | ${total.noCoverage} | **${score(total)}** |`);
}
if (open.length) console.log(`\nSurvived or not covered (${open.length}):\n${open.join('\n')}`);
