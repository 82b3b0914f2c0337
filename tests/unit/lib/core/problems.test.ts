import { describe, expect, it } from 'vitest';
import { ContentError, formatProblem, sortProblems, type Problem } from '../../../../src/lib/core/problems';

const problem = (overrides: Partial<Problem>): Problem => ({
  file: 'a.md',
  field: 'title',
  message: 'is required',
  severity: 'error',
  ...overrides,
});

describe('formatProblem', () => {
  it('gives path:line: field: message', () => {
    expect(
      formatProblem(problem({ file: '2022/09/korut.md', line: 3, field: 'tags', message: 'must be a list' })),
    ).toBe('2022/09/korut.md:3: tags: must be a list');
  });

  it('leaves out the line when there is none', () => {
    expect(formatProblem(problem({ field: 'aliases', message: 'clash' }))).toBe('a.md: aliases: clash');
  });

  it('marks warnings', () => {
    expect(formatProblem(problem({ line: 2, severity: 'warning', message: 'odd' }))).toBe(
      'a.md:2: title: warning: odd',
    );
  });
});

describe('sortProblems', () => {
  it('sorts by file, then line, then field, without changing its input', () => {
    const input = [
      problem({ file: 'b.md', line: 1 }),
      problem({ file: 'a.md', line: 9, field: 'tags' }),
      problem({ file: 'a.md', line: 2, field: 'title' }),
      problem({ file: 'a.md', line: 2, field: 'date' }),
    ];
    const copy = [...input];
    expect(sortProblems(input).map(formatProblem)).toEqual([
      'a.md:2: date: is required',
      'a.md:2: title: is required',
      'a.md:9: tags: is required',
      'b.md:1: title: is required',
    ]);
    expect(input).toEqual(copy);
  });
});

describe('ContentError', () => {
  const problems = [
    problem({ file: 'z.md', line: 4, field: 'date', message: 'is required' }),
    problem({ file: 'a.md', line: 7, field: 'tags', message: 'must be a list' }),
    problem({ file: 'a.md', line: 2, field: 'title', message: 'is required' }),
  ];

  it('lists every problem, sorted, under a count of problems and articles', () => {
    const error = new ContentError(problems);
    expect(error.message).toBe(
      [
        '3 problems in 2 articles:',
        '  a.md:2: title: is required',
        '  a.md:7: tags: must be a list',
        '  z.md:4: date: is required',
      ].join('\n'),
    );
    expect(error.problems.map((p) => p.file)).toEqual(['a.md', 'a.md', 'z.md']);
    expect(error.name).toBe('ContentError');
    expect(error).toBeInstanceOf(Error);
  });

  it('has an empty stack so only the list is shown', () => {
    expect(new ContentError(problems).stack).toBe('');
  });

  it('uses the singular for one problem in one article and counts only errors', () => {
    const error = new ContentError([
      problem({ line: 1 }),
      problem({ file: 'b.md', severity: 'warning', message: 'odd' }),
    ]);
    expect(error.message.split('\n')[0]).toBe('1 problem in 1 article:');
    expect(error.message).toContain('b.md: title: warning: odd');
  });

  it('tells the editor what to do next', () => {
    expect(new ContentError(problems).hint).toMatch(/npm run check/);
  });
});
