/**
 * Talking to a Learning Record Store (xAPI 1.0.3) through @xapi/xapi: sending a batch of statements,
 * reading statements back (following `more` links), and the answer of a send sorted into what the
 * queue does next (sent, retry later, refused, credentials refused).
 */
import XAPI, { type Statement, type StatementsResponse } from '@xapi/xapi';

export interface LrsAccess {
  endpoint: string;
  /** The `Authorization` header's value (HTTP Basic, or a cmi5 launch's token). */
  auth: string;
}

export type SendOutcome =
  | { kind: 'sent' }
  /** No answer (offline, DNS, CORS), a timeout, or a server error or rate limit: try again later. */
  | { kind: 'retry'; status: number; message: string }
  /** 401/403: the LRS does not accept these credentials; nothing is sent until they change. */
  | { kind: 'unauthorized'; status: number; message: string }
  /** 400/409/413 and other refusals: something in the batch is not accepted. */
  | { kind: 'refused'; status: number; message: string };

/** HTTP Basic auth from an LRS key and secret. */
export const basicAuth = (username: string, password: string) => XAPI.toBasicAuth(username, password);

const client = (access: LrsAccess) => new XAPI({ endpoint: access.endpoint, auth: access.auth, version: '1.0.3' });

interface HttpError {
  response?: { status: number; data?: unknown };
  message?: string;
}

function messageOf(e: HttpError): string {
  const data = e.response?.data;
  if (typeof data === 'string') return data.slice(0, 500);
  if (data && typeof data === 'object') {
    const m = (data as { message?: unknown; error?: unknown }).message ?? (data as { error?: unknown }).error;
    if (typeof m === 'string') return m.slice(0, 500);
    return JSON.stringify(data).slice(0, 500);
  }
  return (e.message ?? '').slice(0, 500);
}

/** The queue's view of an LRS's answer (or of no answer). */
export function classify(e: unknown): SendOutcome {
  const err = e as HttpError;
  const status = err?.response?.status ?? 0;
  const message = messageOf(err ?? {});
  if (!status || status === 408 || status === 429 || status >= 500) return { kind: 'retry', status, message };
  if (status === 401 || status === 403) return { kind: 'unauthorized', status, message };
  return { kind: 'refused', status, message };
}

/** Sends statements in one request (an LRS stores a batch whole or not at all). */
export async function sendStatements(access: LrsAccess, statements: Statement[]): Promise<SendOutcome> {
  try {
    await client(access).sendStatements({ statements });
    return { kind: 'sent' };
  } catch (e) {
    return classify(e);
  }
}

export interface StatementQuery {
  /** Statements about this activity or with it in their context (the profile's category). */
  activity: string;
  since?: string;
  until?: string;
  /** Stops after this many statements (a bound on a hostile or huge LRS). */
  max: number;
}

/** Reads statements matching `query`, page after page. Throws the LRS's error (see `classify`). */
export async function fetchStatements(access: LrsAccess, query: StatementQuery, onPage?: (count: number) => void): Promise<{ statements: Statement[]; truncated: boolean }> {
  const xapi = client(access);
  const out: Statement[] = [];
  let page: StatementsResponse = (await xapi.getStatements({ activity: query.activity, related_activities: true, ascending: true, limit: 500, ...(query.since ? { since: query.since } : {}), ...(query.until ? { until: query.until } : {}) })).data as StatementsResponse;
  for (;;) {
    out.push(...page.statements);
    onPage?.(out.length);
    if (out.length >= query.max) return { statements: out.slice(0, query.max), truncated: true };
    if (!page.more) return { statements: out, truncated: false };
    page = (await xapi.getMoreStatements({ more: page.more })).data as StatementsResponse;
  }
}

/** Checks that the LRS answers with these credentials (a statements query for nothing). */
export async function checkAccess(access: LrsAccess, activity: string): Promise<SendOutcome> {
  try {
    await client(access).getStatements({ activity, limit: 1 });
    return { kind: 'sent' };
  } catch (e) {
    return classify(e);
  }
}
