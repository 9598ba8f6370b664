#!/usr/bin/env node
// Runs every test of the project in order and ends with one line "N passed, N failed" that totals all
// suites: typecheck, unit tests (vitest), both builds, web-ext lint of the Firefox build, and the e2e
// tests of the built extension in Chromium and Firefox on the offline Hub. A suite that cannot start (the
// build failed, a browser is missing) counts as failed; skipped tests are printed. Exit code 1 on any failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { notRunSuite, ranSuite, suiteLine, summaryLines, vitestCounts } from './lib/tally.mjs';

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'hf-drift-test-'));
const suites = [];

function run(name, command, args, { env = {}, parse, capture = false } = {}) {
  const t0 = Date.now();
  console.log(`\n━━ ${name}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    stdio: capture ? ['ignore', 'pipe', 'inherit'] : 'inherit',
    encoding: 'utf8',
    env: { ...process.env, ...env },
  });
  const suite = ranSuite(name, result.status, parse?.(result.stdout) ?? null, (Date.now() - t0) / 1000);
  suites.push(suite);
  console.log(`━━${suiteLine(suite).replace(/^ +/, ' ')}`);
  return suite.state === 'ok';
}

function notRun(name, reason) {
  const suite = notRunSuite(name, reason);
  suites.push(suite);
  console.log(`\n━━ ${name}: not run (${reason})`);
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

function ensureBrowsers() {
  const missing = ['/usr/bin/chromium', '/usr/bin/firefox-esr'].filter((p) => !fs.existsSync(p));
  if (!missing.length) return true;
  const canInstall = process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get');
  if (!canInstall) {
    console.error(`Missing ${missing.join(', ')}. Install Debian's chromium and firefox-esr (apt-get install -y chromium firefox-esr).`);
    return false;
  }
  console.log(`Installing browsers for the e2e tests (missing: ${missing.join(', ')})…`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  const update = spawnSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  const install = spawnSync('apt-get', ['-o', 'DPkg::Lock::Timeout=120', 'install', '-y', '-qq', 'chromium', 'firefox-esr', 'openssl'], { stdio: 'inherit', env });
  return update.status === 0 && install.status === 0;
}

const vitestJson = path.join(tmp, 'vitest.json');
const e2eJson = path.join(tmp, 'e2e.json');

run('typecheck', 'npx', ['tsc', '--noEmit']);
run('unit', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestJson}`], {
  parse: () => vitestCounts(readJson(vitestJson)),
});
const LINT = 'web-ext lint (firefox)';
const E2E = 'e2e (chromium + firefox)';
const built = run('build', 'npm', ['run', '--silent', 'build']);
if (!built) {
  notRun(LINT, 'the build failed');
  notRun(E2E, 'the build failed');
} else {
  run(LINT, 'npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3', '--output', 'json', '--no-config-discovery'], {
    capture: true,
    parse: (stdout) => {
      let r = null;
      try {
        r = JSON.parse(stdout);
      } catch {
        console.log(stdout);
        return null;
      }
      const findings = [...(r.errors ?? []), ...(r.warnings ?? [])].map((f) => `   ${f._type}: ${f.code} ${f.file ?? ''} — ${f.message}`);
      console.log(`   ${r.summary?.errors} errors, ${r.summary?.warnings} warnings, ${r.summary?.notices} notices`);
      if (findings.length) console.log(findings.join('\n'));
      return { passed: r.summary?.errors === 0 ? 1 : 0, failed: r.summary?.errors === 0 ? 0 : 1 };
    },
  });
  if (ensureBrowsers()) {
    run(E2E, 'node', ['tests/e2e/run.mjs'], {
      env: { E2E_RESULT_FILE: e2eJson },
      parse: () => {
        const r = readJson(e2eJson);
        return r ? { passed: r.passed, failed: r.failed, skipped: r.skipped } : null;
      },
    });
  } else {
    notRun(E2E, 'Chromium or Firefox ESR is missing');
  }
}

fs.rmSync(tmp, { recursive: true, force: true });
console.log(`\n${summaryLines(suites).join('\n')}`);
process.exit(suites.some((s) => s.failed) ? 1 : 0);
