// Problem texts are shared by the CLI and the web app: only the CLI may name its flags.
import { describe, expect, it } from 'vitest';
import { formatProblem, problemMessage, PROBLEM_CODES, LANGS, type Problem } from '../../src/lib/io/problems.ts';

const params = new Proxy({}, { get: () => 'x' }) as Problem['params'];

describe('problem texts by context', () => {
  it('no web message, in any language, names a command-line flag', () => {
    const flagged: string[] = [];
    for (const code of PROBLEM_CODES) for (const lang of LANGS) if (/--[a-z]/.test(problemMessage({ code, params }, lang, 'web'))) flagged.push(`${code} ${lang}`);
    expect(flagged).toEqual([]);
  });
  it('the CLI keeps its flag; the web names its button in the UI language', () => {
    const p: Problem = { row: 4, column: 'lat', value: '80', code: 'swapped_lat_lon', params: {}, severity: 'error' };
    expect(formatProblem(p, 'line', 'en')).toContain('--fix-swapped');
    expect(formatProblem(p, 'line', 'kk', 'web')).toMatch(/^жол 4, баған "lat", мән "80": .*«Ауысқан координаттарды түзету»/);
    expect(problemMessage(p, 'ru', 'web')).toContain('«Исправить перепутанные координаты»');
    expect(problemMessage(p, 'en', 'web')).toContain('"Fix swapped coordinates"');
  });
});
