// `make release` (run before this test by make test) wrote the zip of the current
// dist/ and a checksum file in sha256sum format that matches it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { ROOT, cargoVersion } from './common.mjs';

const OUT = join(ROOT, 'target/release-zip');
const NAME = `x1060-assess-${cargoVersion()}`;
const ZIP = join(OUT, `${NAME}.zip`);
const SUM = join(OUT, `${NAME}.zip.sha256`);

function filesUnder(dir) {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? filesUnder(p) : [p];
  });
}

test('make release wrote the versioned zip and its checksum', () => {
  assert.ok(existsSync(ZIP), `${relative(ROOT, ZIP)} is missing: run make release`);
  assert.ok(existsSync(SUM), `${relative(ROOT, SUM)} is missing: run make release`);
});

test('the checksum file is in sha256sum format and matches the zip', () => {
  const line = readFileSync(SUM, 'utf8');
  const m = /^([0-9a-f]{64}) {2}(\S+)\n$/.exec(line);
  assert.ok(m, `not a sha256sum line: ${JSON.stringify(line)}`);
  assert.equal(m[2], `${NAME}.zip`);
  assert.equal(m[1], createHash('sha256').update(readFileSync(ZIP)).digest('hex'));
  // And sha256sum itself agrees, as a user would check it.
  assert.match(execFileSync('sha256sum', ['-c', `${NAME}.zip.sha256`], { cwd: OUT, encoding: 'utf8' }), /: OK\n$/);
});

test('the zip holds dist/ in one folder named after the version, byte for byte', () => {
  const listed = execFileSync('unzip', ['-Z1', ZIP], { encoding: 'utf8' }).trim().split('\n').sort();
  const dist = join(ROOT, 'dist');
  const expected = filesUnder(dist).map((f) => `${NAME}/${relative(dist, f)}`).sort();
  assert.deepEqual(listed, expected);
  for (const file of ['index.html', 'sw.js']) {
    const inZip = execFileSync('unzip', ['-p', ZIP, `${NAME}/${file}`]);
    assert.ok(inZip.equals(readFileSync(join(dist, file))), `${file} in the zip differs from dist/`);
  }
});
