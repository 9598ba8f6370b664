#!/usr/bin/env node
// Runs every test of the project in order and ends with one line "N passed, N failed" that totals all
// suites: typecheck, unit tests (vitest), both builds, web-ext lint of the Firefox build, and the e2e
// tests of the built extension in Chromium and Firefox on the offline Hub. Exit code 1 on any failure.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

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
  const seconds = ((Date.now() - t0) / 1000).toFixed(1);
  const ok = result.status === 0;
  const counted = parse?.(result.stdout);
  const passed = counted ? counted.passed : ok ? 1 : 0;
  const failed = counted ? counted.failed + (ok || counted.failed ? 0 : 1) : ok ? 0 : 1;
  suites.push({ name, passed, failed, seconds });
  console.log(`━━ ${name}: ${ok ? 'ok' : 'FAILED'} (${passed} passed, ${failed} failed, ${seconds} s)`);
  return ok;
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
  parse: () => {
    const r = readJson(vitestJson);
    return r ? { passed: r.numPassedTests, failed: r.numFailedTests } : null;
  },
});
const built = run('build', 'npm', ['run', '--silent', 'build']);
if (built) {
  run('web-ext lint (firefox)', 'npx', ['web-ext', 'lint', '--source-dir', '.output/firefox-mv3', '--output', 'json', '--no-config-discovery'], {
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
    run('e2e (chromium + firefox)', 'node', ['tests/e2e/run.mjs'], {
      env: { E2E_RESULT_FILE: e2eJson },
      parse: () => {
        const r = readJson(e2eJson);
        return r ? { passed: r.passed, failed: r.failed } : null;
      },
    });
  } else {
    suites.push({ name: 'e2e', passed: 0, failed: 1, seconds: '0' });
  }
}

fs.rmSync(tmp, { recursive: true, force: true });
console.log('\nSummary');
for (const s of suites) console.log(`  ${s.failed ? '✗' : '✓'} ${s.name}: ${s.passed} passed, ${s.failed} failed (${s.seconds} s)`);
const passed = suites.reduce((n, s) => n + s.passed, 0);
const failed = suites.reduce((n, s) => n + s.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
