// Shared by the checks of the repository itself (make test-repo).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = resolve(fileURLToPath(import.meta.url), '../../..');

/** The targets the Makefile defines (`name:` at the start of a line, not `name :=`). */
export function makeTargets(text = readFileSync(join(ROOT, 'Makefile'), 'utf8')) {
  const targets = new Set();
  for (const line of text.split('\n')) {
    const m = /^([A-Za-z0-9_.-]+(?:\s+[A-Za-z0-9_.-]+)*)\s*:(?!=)/.exec(line);
    if (m && !line.startsWith('.')) for (const name of m[1].split(/\s+/)) targets.add(name);
  }
  return targets;
}

/** The package's version in Cargo.toml. */
export function cargoVersion() {
  const text = readFileSync(join(ROOT, 'Cargo.toml'), 'utf8');
  const pkg = text.split(/^\[/m).find((s) => s.startsWith('package]'));
  const m = pkg && /^version\s*=\s*"([^"]+)"/m.exec(pkg);
  if (!m) throw new Error('no version in the [package] section of Cargo.toml');
  return m[1];
}
