// The CI workflow is valid YAML, runs only `make <target>` with targets the Makefile
// has (so CI and a laptop run the same commands), tests every push and pull request,
// and on a tag v* publishes dist/ to GitHub Pages and the release zip.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseDocument } from 'yaml';
import { ROOT, makeTargets } from './common.mjs';

const DIR = join(ROOT, '.github/workflows');
const files = readdirSync(DIR).filter((f) => /\.ya?ml$/.test(f));

function load(file) {
  const doc = parseDocument(readFileSync(join(DIR, file), 'utf8'), { uniqueKeys: true });
  assert.deepEqual(doc.errors.map(String), [], `${file} is not valid YAML`);
  return doc.toJS();
}

/** Every step of every job: { job, step }. */
function steps(workflow) {
  return Object.entries(workflow.jobs ?? {}).flatMap(([job, j]) => (j.steps ?? []).map((step) => ({ job, step })));
}

/** The problems of a workflow's `run:` steps: each must be `make <target>` with a Makefile target. */
export function runProblems(workflow, targets) {
  const problems = [];
  for (const { job, step } of steps(workflow)) {
    if (step.run === undefined) continue;
    const m = /^make ([A-Za-z0-9_.-]+)$/.exec(String(step.run).trim());
    if (!m) problems.push(`${job}: run step "${step.run}" is not "make <target>"`);
    else if (!targets.has(m[1])) problems.push(`${job}: "make ${m[1]}": the Makefile has no target ${m[1]}`);
  }
  return problems;
}

test('there is a workflow', () => {
  assert.ok(files.includes('ci.yml'), `workflows found: ${files.join(', ')}`);
});

test('every run step of every workflow is "make <target>" with a target of the Makefile', () => {
  const targets = makeTargets();
  for (const file of files) {
    const workflow = load(file);
    assert.ok(steps(workflow).some(({ step }) => step.run !== undefined), `${file} runs nothing`);
    assert.deepEqual(runProblems(workflow, targets), [], file);
  }
});

test('the check itself refuses other commands and unknown targets', () => {
  const targets = makeTargets('test: lint\nlint:\n\tcargo fmt\nX := 1\n');
  assert.deepEqual([...targets].sort(), ['lint', 'test']);
  const workflow = {
    jobs: {
      a: { steps: [{ run: 'make test' }, { run: 'npm ci' }, { run: 'make test && curl x' }, { run: 'make nope' }, { uses: 'x/y@v1' }] },
    },
  };
  assert.deepEqual(runProblems(workflow, targets), [
    'a: run step "npm ci" is not "make <target>"',
    'a: run step "make test && curl x" is not "make <target>"',
    'a: "make nope": the Makefile has no target nope',
  ]);
});

test('ci.yml tests every push and pull request, and on a tag v* releases and deploys dist/ to Pages', () => {
  const workflow = load('ci.yml');
  assert.ok('pull_request' in workflow.on, 'runs on pull requests');
  assert.deepEqual(workflow.on.push.tags, ['v*']);
  const all = steps(workflow);
  const runs = all.filter(({ step }) => step.run !== undefined);
  const testStep = runs.find(({ step }) => step.run === 'make test');
  assert.ok(testStep, 'runs make test');
  assert.equal(testStep.step.if, undefined, 'make test runs on every event');
  const onTag = (s) => /startsWith\(github\.ref, 'refs\/tags\/v'\)/.test(String(s.if ?? workflow.jobs[s.job]?.if));
  const release = runs.find(({ step }) => step.run === 'make release');
  assert.ok(release && onTag({ ...release.step, job: release.job }), 'make release on a tag');
  const pages = all.find(({ step }) => String(step.uses).startsWith('actions/upload-pages-artifact@'));
  assert.equal(pages?.step.with?.path, 'dist', 'the Pages artifact is dist/');
  const deployJob = Object.entries(workflow.jobs).find(([, j]) =>
    (j.steps ?? []).some((s) => String(s.uses).startsWith('actions/deploy-pages@')),
  );
  assert.ok(deployJob, 'deploys with actions/deploy-pages');
  const [name, job] = deployJob;
  assert.match(String(job.if), /refs\/tags\/v/, `${name} runs on a tag only`);
  assert.equal(job.permissions?.pages, 'write');
  assert.equal(job.permissions?.['id-token'], 'write');
  assert.ok([job.needs].flat().includes(testStep.job), `${name} waits for the tests`);
});
