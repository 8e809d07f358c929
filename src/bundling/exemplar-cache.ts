/**
 * The explorer's expert paths, cached on disk between builds and dev-server starts (the search
 * takes seconds per scenario). A file is named `<scenario id>-<model key>-<engine key>.json`:
 * - the model key hashes the whole compiled model (not the source text's hash, which a compiler
 *   change would leave as it was), so any change to what the explorer searches gives a new name;
 * - the engine key hashes the explorer's code and everything it imports (see engine-key.ts).
 * Keying on the code rather than replaying the cached path was chosen because a replay only shows
 * the path is still legal and ends the same way; it cannot show that the explorer as it is now
 * would still pick that path (an improved search would keep serving the old one).
 * An unreadable, corrupt or mismatched file counts as a miss and is rewritten; a cache that
 * cannot be written only costs time.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { Exemplar } from '../domain/explorer/exemplar';
import type { ScenarioModel } from '../domain/scenario/model';

/** The expert path found for a model; null when the explorer found none. */
export type FoundPath = Exemplar | null;

const FORMAT = 1;
const entrySchema = z.object({
  format: z.literal(FORMAT),
  model: z.string(),
  engine: z.string(),
  exemplar: z
    .object({
      seed: z.number().int(),
      // The moves' own shape is the runtime's business; here only that they look like moves.
      moves: z.array(z.looseObject({ type: z.string() })).readonly(),
    })
    .nullable(),
});

/** A hash of the compiled model (the model is plain JSON). */
export const modelKey = (model: ScenarioModel): string => createHash('sha256').update(JSON.stringify(model)).digest('hex').slice(0, 16);

export interface ExemplarCacheOptions {
  dir: string;
  engine: string;
  /** Told about files ignored or not written; never thrown. */
  onProblem?: (message: string) => void;
}

export interface CachedExemplar {
  exemplar: FoundPath;
  /** Where it came from: the cache file, or a new search (then written to the cache). */
  from: 'cache' | 'explorer';
}

/**
 * The expert path of `model`: from the cache when a file for this model and engine holds one,
 * else from `find()`, which is then stored (older files of the same scenario are removed).
 */
export function cachedExemplar(model: ScenarioModel, find: () => FoundPath, opts: ExemplarCacheOptions): CachedExemplar {
  const key = modelKey(model);
  const prefix = `${model.id}-`;
  const name = `${prefix}${key}-${opts.engine}.json`;
  const path = join(opts.dir, name);
  const stored = read(path, key, opts);
  if (stored !== undefined) return { exemplar: stored, from: 'cache' };
  const exemplar = find();
  write(path, { format: FORMAT, model: key, engine: opts.engine, exemplar }, opts);
  prune(opts.dir, prefix, name, opts);
  return { exemplar, from: 'explorer' };
}

/** The cached path, or undefined when there is no usable file. */
function read(path: string, key: string, opts: ExemplarCacheOptions): FoundPath | undefined {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch {
    return undefined; // not cached yet (or unreadable): search and write it
  }
  try {
    const entry = entrySchema.parse(JSON.parse(text));
    if (entry.model === key && entry.engine === opts.engine) return entry.exemplar as FoundPath;
  } catch {
    // Falls through to the report below.
  }
  opts.onProblem?.(`ignored the unusable cache file ${path}; the expert path is searched again and the file rewritten`);
  return undefined;
}

function write(path: string, entry: z.infer<typeof entrySchema>, opts: ExemplarCacheOptions) {
  // Written beside and renamed into place, so a reader never sees half a file.
  const temp = `${path}.${process.pid}.tmp`;
  try {
    mkdirSync(opts.dir, { recursive: true });
    writeFileSync(temp, JSON.stringify(entry));
    renameSync(temp, path);
  } catch (e) {
    try {
      rmSync(temp, { force: true });
    } catch {
      // Nothing was written there either.
    }
    opts.onProblem?.(`could not write the cache file ${path} (${(e as Error).message}); the expert path will be searched again next time`);
  }
}

/** Removes this scenario's files for other models or engines: they can never be hit again. */
function prune(dir: string, prefix: string, keep: string, opts: ExemplarCacheOptions) {
  try {
    // `<id>-<16 hex>-<16 hex>.json` only: another scenario's id may start with this one's.
    const mine = new RegExp(`^${prefix.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}[0-9a-f]{16}-[0-9a-f]{16}\\.json$`);
    for (const f of readdirSync(dir)) if (f !== keep && mine.test(f)) rmSync(join(dir, f), { force: true });
  } catch (e) {
    opts.onProblem?.(`could not tidy the cache folder ${dir} (${(e as Error).message})`);
  }
}
