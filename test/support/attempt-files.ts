/** Test helpers: the stored attempt files in test/fixtures/attempts/. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { AttemptFile } from '../../src/domain/attempts/attempt-file';
import { ROOT } from './load';

export const ATTEMPTS_DIR = join(ROOT, 'test/fixtures/attempts');

/** The names of the stored attempt files, sorted. */
export const attemptFixtureNames = (): string[] => readdirSync(ATTEMPTS_DIR).filter((f) => f.endsWith('.json')).sort();

/** A stored attempt file's text. */
export const attemptFixtureText = (name: string): string => readFileSync(join(ATTEMPTS_DIR, name), 'utf8');

/** A stored attempt file, parsed (a fresh copy each time, free to tamper with). */
export const attemptFixture = (name: string): AttemptFile => JSON.parse(attemptFixtureText(name));

/** A scenario file's source text (path relative to the repository). */
export const scenarioSource = (relativePath: string): string => readFileSync(join(ROOT, relativePath), 'utf8');

/** A stored attempt file of file format version 1, exported before retries and drafts were carried. */
export const v1AttemptFixtureText = (name: string): string => readFileSync(join(ROOT, 'test/fixtures/attempts-v1', name), 'utf8');
