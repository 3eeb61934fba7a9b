import { afterEach, describe, expect, it } from 'vitest';
import { CliError } from '../args.ts';
import { run } from './serve.ts';

describe('tidu serve --processes', () => {
  const saved = { DATABASE_URL: process.env.DATABASE_URL, API_PROCESSES: process.env.API_PROCESSES };
  afterEach(() => {
    for (const [key, value] of Object.entries(saved)) {
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  });

  it('refuses several API processes on the embedded store, which one process opens', async () => {
    delete process.env.DATABASE_URL;
    await expect(run(['--processes', '2'])).rejects.toThrow(CliError);
    process.env.API_PROCESSES = '3';
    await expect(run([])).rejects.toThrow(/PostgreSQL/);
  });

  it('rejects a process count that is not a whole number', async () => {
    await expect(run(['--processes', 'two'])).rejects.toThrow(/--processes/);
  });
});
