// Validates SARIF files with Microsoft's SARIF multitool (schema plus its
// rule set) and fails on any error-level result it reports. Warnings (e.g. a
// missing informationUri) are printed but do not fail.
// Usage: node validate_sarif.js FILE...   Exit 0 valid, 1 invalid, 3 not installed.
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const tool = path.join(__dirname, 'node_modules', '.bin', 'sarif-multitool');
if (!fs.existsSync(tool)) {
  console.log('skipped: validator not installed (' + tool + ' missing)');
  process.exit(3);
}
let failed = false;
for (const file of process.argv.slice(2)) {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'sarif-')), 'validation.sarif');
  const run = spawnSync(tool, ['validate', file, '--output', out], { encoding: 'utf8' });
  process.stdout.write(run.stdout || '');
  process.stderr.write(run.stderr || '');
  if (!fs.existsSync(out)) {
    console.log('INVALID SARIF (multitool wrote no log, exit ' + run.status + '): ' + file);
    failed = true;
    continue;
  }
  const log = JSON.parse(fs.readFileSync(out, 'utf8'));
  const errors = [];
  for (const r of log.runs || []) {
    for (const res of r.results || []) if ((res.level || 'warning') === 'error') errors.push(res);
    for (const n of (r.invocations || []).flatMap((i) => i.toolExecutionNotifications || [])) {
      if (n.level === 'error') errors.push(n);
    }
  }
  if (errors.length > 0 || run.status !== 0) {
    failed = true;
    console.log('INVALID SARIF: ' + file + ' (' + errors.length + ' errors, exit ' + run.status + ')');
    for (const e of errors) console.log('  ' + JSON.stringify(e.message));
  } else {
    console.log('valid SARIF 2.1.0: ' + file);
  }
}
process.exit(failed ? 1 : 0);
