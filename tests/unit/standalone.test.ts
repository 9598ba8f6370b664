// @vitest-environment node
// The test suite stands alone: a fresh clone on a machine that has only this repository must pass. Every
// file under tests/ and scripts/, and the tool configs at the root, may refer only to paths inside the
// repository (fixtures are copied into tests/fixtures with their provenance). Allowed outside: the system
// browsers under /usr/bin (overridable by environment variables) and os.tmpdir() scratch directories.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, extname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const REPO = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');
const SCANNED_DIRS = ['tests', 'scripts'];
const SKIPPED_DIRS = new Set(['node_modules', '.output', '.wxt', '.stryker-tmp', 'reports', 'certs']);
const CODE = new Set(['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.md']);
const TEXT = new Set([...CODE, '.json', '.html', '.yml', '.yaml', '.txt', '.csv']);
/** Root-level tool configs (vitest, stryker, wxt, tsconfig, package.json). */
const ROOT_CONFIG = /^(?:[\w.-]+\.config\.[cm]?[jt]s|[\w.-]+\.conf\.[cm]?js|stryker\.conf(?:ig)?\.json|tsconfig[\w.-]*\.json|package\.json)$/;

// Built from pieces so that this file does not match its own patterns.
const WORK = '/' + 'work/';
const ROOT = '/';
const UP = '..' + '/';
const RESEARCH_DIR = new RegExp(String.raw`\bshared[\\/](?:hub-samples|reference-data|notes)\b`);
const ABSOLUTE_LITERAL = /(['"`])(\/(?:work|home|root|Users|mnt|opt|srv|var|etc|tmp|usr)(?:\/[^'"`\s]*)?)\1/g;
const ALLOWED_ABSOLUTE = /^\/usr\/bin\/[\w.+-]+$/;
/** A quoted or markdown-linked relative path that starts by climbing: '../x', `../../x`, (../x). */
const CLIMBING_LITERAL = /(?:(['"`])((?:\.\.\/)+[^'"`\s]*)\1|\]\(((?:\.\.\/)+[^)\s]*)\))/g;
/** join(__dirname, '..', '..', …) / resolve(dirname(…), '..', …): the number of '..' segments. */
const CLIMBING_JOIN = /(?:join|resolve)\(\s*(?:__dirname|dirname\([^)]*\)(?:\))?)\s*((?:,\s*['"]\.\.['"]\s*)+)/g;

/** Why a file's text refers outside the repository (empty when it does not). `file` is repo-relative. */
export function outsideReferences(file: string, text: string): string[] {
  const problems: string[] = [];
  const lines = text.split('\n');
  const dir = resolve(REPO, dirname(file));
  const escapes = (target: string) => {
    const rel = relative(REPO, resolve(dir, target));
    return rel === '..' || rel.startsWith(`..${sep}`);
  };
  lines.forEach((line, index) => {
    const at = `${file}:${index + 1}`;
    if (line.includes(WORK)) problems.push(`${at}: absolute path under ${WORK}`);
    if (RESEARCH_DIR.test(line)) problems.push(`${at}: the shared research directory (copy the file into tests/fixtures)`);
    if (!CODE.has(extname(file))) return;
    for (const match of line.matchAll(ABSOLUTE_LITERAL)) {
      if (!ALLOWED_ABSOLUTE.test(match[2]) && !match[2].startsWith(WORK)) problems.push(`${at}: absolute path ${match[2]}`);
    }
    for (const match of line.matchAll(CLIMBING_LITERAL)) {
      const target = match[2] ?? match[3];
      if (escapes(target)) problems.push(`${at}: ${target} climbs above the repository root`);
    }
    for (const match of line.matchAll(CLIMBING_JOIN)) {
      const ups = match[1].split(',').filter((part) => part.trim()).length;
      if (escapes(Array(ups).fill('..').join('/'))) problems.push(`${at}: ${ups} × '..' climbs above the repository root`);
    }
  });
  return problems;
}

function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of readdirSync(join(REPO, dir), { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (!SKIPPED_DIRS.has(entry.name)) out.push(...filesUnder(path));
    } else if (TEXT.has(extname(entry.name))) {
      out.push(path);
    }
  }
  return out;
}

function scannedFiles(): string[] {
  const roots = readdirSync(REPO).filter((name) => ROOT_CONFIG.test(name) && statSync(join(REPO, name)).isFile());
  return [...roots, ...SCANNED_DIRS.flatMap(filesUnder)];
}

describe('the suite stands alone in a fresh clone', () => {
  it('no test, script or tool config refers to a path outside the repository', () => {
    const files = scannedFiles();
    // The scan really covers the suite (not an empty directory list).
    expect(files).toEqual(expect.arrayContaining(['vitest.config.ts', 'wxt.config.ts', 'scripts/test-all.mjs', 'tests/unit/drift/fixtures.ts']));
    expect(files.length).toBeGreaterThan(100);
    const problems = files.flatMap((file) => outsideReferences(file, readFileSync(join(REPO, file), 'utf8')));
    expect(problems).toEqual([]);
  });

  it('the fixtures the tests read are in the repository, with their provenance', () => {
    for (const path of [
      'tests/fixtures/README.md',
      'tests/fixtures/hub-samples/SOURCES.md',
      'tests/fixtures/hub-samples/model-info_google-bert_bert-base-uncased.json',
      'tests/fixtures/reference-data/hf-hub-docs-repositories-licenses.md',
    ]) {
      expect(statSync(join(REPO, path)).isFile(), path).toBe(true);
    }
  });

  // The detector itself must bite: each line below is a way a test once (or could) reach outside.
  it.each([
    ['tests/unit/drift/x.ts', `export const SAMPLES_DIR = '${WORK}shared/${'hub'}-samples';`],
    ['tests/unit/drift/x.ts', `// see ../${'shared'}/notes/hub-api.md`],
    ['tests/hub/README.md', `API shapes from \`${WORK}${'shared'}/notes/hub-api.md\``],
    ['tests/unit/x.test.ts', `readFileSync('${ROOT}home/someone/samples/a.json')`],
    ['tests/unit/x.test.ts', `new URL('${UP.repeat(4)}elsewhere/a.json', import.meta.url)`],
    ['tests/unit/hub/x.ts', `join(__dirname, ${Array(4).fill(`'..'`).join(', ')}, 'outside')`],
    ['scripts/x.mjs', `const dir = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..');`],
    ['vitest.config.ts', `include: ['../other-repo/tests/**/*.test.ts']`],
    ['tests/hub/README.md', `see [notes](${UP.repeat(3)}notes/hub-pages.md)`],
  ])('flags %s: %s', (file, line) => {
    expect(outsideReferences(file, line)).not.toEqual([]);
  });

  it.each([
    ['tests/unit/drift/x.ts', `new URL('../../fixtures/hub-samples/', import.meta.url)`],
    ['tests/unit/hub/x.ts', `join(__dirname, '..', '..', 'fixtures', 'hub-samples', name)`],
    ['tests/e2e/harness.mjs', `const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';`],
    ['tests/hub/README.md', `see [the samples](../fixtures/hub-samples/SOURCES.md)`],
    // A climbing import into the product's own components/shared/ folder is no research-directory read.
    ['components/panel/x.tsx', `import { count } from '${UP}shared/format';`],
  ])('accepts %s: %s', (file, line) => {
    expect(outsideReferences(file, line)).toEqual([]);
  });
});
