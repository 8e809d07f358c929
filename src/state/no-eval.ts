/**
 * Imported first by the page and by each worker, before any schema loads: zod checks objects
 * without compiling code from strings (its `jitless` mode), which the app's Content-Security-Policy
 * forbids; otherwise zod's probe for `new Function` is reported as a violation on every start. Set
 * through the global zod reads its configuration from, so that the first screen does not load zod.
 * The object is changed in place, not replaced: when a chunk holding zod is evaluated before this
 * module (a bundle's shared chunk is), zod already holds that object.
 */
const scope = globalThis as { __zod_globalConfig?: Record<string, unknown> };
(scope.__zod_globalConfig ??= {}).jitless = true;

export {};
