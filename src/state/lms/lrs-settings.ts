/**
 * The Learning Record Store a cohort lead points the app at: endpoint, credentials (an LRS key and
 * secret, sent as HTTP Basic), and how trainees are named in statements. Saved versioned in the
 * `ltc-lms` database, checked on every read; never part of attempt files.
 */
import { z } from 'zod';

export const LRS_SETTINGS_FORMAT = 'ltc-lrs-settings';
export const LRS_SETTINGS_VERSION = 1;

export const lrsSettingsSchema = z.strictObject({
  format: z.literal(LRS_SETTINGS_FORMAT),
  version: z.literal(LRS_SETTINGS_VERSION),
  /** The xAPI endpoint, e.g. `https://lrs.example.com/xapi/` (statements are at `<endpoint>statements`). */
  endpoint: z.url({ protocol: /^https?$/ }).max(2000),
  username: z.string().max(500),
  password: z.string().max(500),
  /** The `homePage` of trainees' xAPI accounts (their name in the app is the account name). */
  homePage: z.url({ protocol: /^https?$/ }).max(2000),
  /** Whether this browser's own attempts are sent. */
  sendAttempts: z.boolean(),
});

export type LrsSettings = z.infer<typeof lrsSettingsSchema>;

export type LrsSettingsProblem = { field: 'endpoint' | 'homePage' | 'username' | 'password' | 'record'; issue: string };

/** Checks settings typed in (or read back); `ok: false` names the field. */
export function checkLrsSettings(raw: unknown): { ok: true; settings: LrsSettings } | { ok: false; problem: LrsSettingsProblem } {
  if (typeof raw === 'object' && raw !== null && (raw as { version?: unknown }).version !== undefined && typeof (raw as { version: unknown }).version === 'number' && (raw as { version: number }).version > LRS_SETTINGS_VERSION) {
    return { ok: false, problem: { field: 'record', issue: 'future-version' } };
  }
  const parsed = lrsSettingsSchema.safeParse(raw);
  if (parsed.success) {
    const endpoint = parsed.data.endpoint.endsWith('/') ? parsed.data.endpoint : `${parsed.data.endpoint}/`;
    return { ok: true, settings: { ...parsed.data, endpoint } };
  }
  const issue = parsed.error.issues[0]!;
  const field = issue.path[0];
  return { ok: false, problem: { field: field === 'endpoint' || field === 'homePage' || field === 'username' || field === 'password' ? field : 'record', issue: issue.code } };
}

/** Settings from what a lead typed. */
export function lrsSettings(input: Omit<LrsSettings, 'format' | 'version'>) {
  return checkLrsSettings({ format: LRS_SETTINGS_FORMAT, version: LRS_SETTINGS_VERSION, ...input });
}
