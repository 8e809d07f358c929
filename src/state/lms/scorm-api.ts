/**
 * The SCORM runtime an LMS offers a SCO: found as the standards say (SCORM 1.2 `API`, SCORM 2004
 * `API_1484_11`, searched up the chain of `window.parent`s, then from `window.opener`), wrapped so
 * that every call that fails is recorded with the LMS's error code and text instead of being lost.
 */
import type { ScormVersion } from '../../domain/lms/scorm-cmi';

interface Api12 {
  LMSInitialize(arg: ''): string;
  LMSFinish(arg: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
  LMSGetDiagnostic(code: string): string;
}
interface Api2004 {
  Initialize(arg: ''): string;
  Terminate(arg: ''): string;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string;
  Commit(arg: ''): string;
  GetLastError(): string;
  GetErrorString(code: string): string;
  GetDiagnostic(code: string): string;
}

/** One failed call: what was asked, the LMS's error code and its words. */
export interface ScormError {
  call: 'initialize' | 'get' | 'set' | 'commit' | 'terminate';
  element?: string;
  code: string;
  text: string;
}

export interface ScormConnection {
  version: ScormVersion;
  initialize(): boolean;
  get(element: string): string;
  set(element: string, value: string): boolean;
  commit(): boolean;
  terminate(): boolean;
  /** Calls that failed, oldest first (the last 50). */
  errors(): ScormError[];
}

/** The most windows searched up one chain of parents (ADL's sample code searches 7; frames nest deeper in some LMSs). */
const MAX_DEPTH = 10;

type Win = Window & { API?: unknown; API_1484_11?: unknown };

function searchUp(start: Win | null, name: 'API' | 'API_1484_11'): unknown {
  let win: Win | null = start;
  for (let depth = 0; win && depth <= MAX_DEPTH; depth++) {
    try {
      const api = win[name];
      if (api) return api;
    } catch {
      return null; // another origin: the LMS is not reachable from here
    }
    if (!win.parent || win.parent === win) break;
    win = win.parent as Win;
  }
  return null;
}

/** Finds the LMS's API for `version`: this window and its parents, then the opener and its parents. */
export function findApi(version: ScormVersion, from: Window = window): Api12 | Api2004 | null {
  const name = version === '1.2' ? 'API' : 'API_1484_11';
  const found = searchUp(from as Win, name);
  if (found) return found as Api12 | Api2004;
  let opener: Win | null;
  try {
    opener = (from.top?.opener ?? from.opener ?? null) as Win | null;
  } catch {
    opener = null;
  }
  return (searchUp(opener, name) as Api12 | Api2004 | null) ?? null;
}

const truthy = (r: unknown) => r === true || r === 'true';

/** Wraps the API found for `version`; null when there is none. */
export function connectScorm(version: ScormVersion, from: Window = window): ScormConnection | null {
  const api = findApi(version, from);
  if (!api) return null;
  const errors: ScormError[] = [];
  const v12 = version === '1.2';
  const a12 = api as Api12;
  const a04 = api as Api2004;
  const lastError = () => String((v12 ? a12.LMSGetLastError() : a04.GetLastError()) ?? '0');
  const note = (call: ScormError['call'], element?: string) => {
    let code = '0';
    let text: string;
    try {
      code = lastError();
      text = String(v12 ? a12.LMSGetErrorString(code) : a04.GetErrorString(code));
      const diagnostic = String(v12 ? a12.LMSGetDiagnostic(code) : a04.GetDiagnostic(code));
      if (diagnostic && diagnostic !== text) text = `${text} (${diagnostic})`.slice(0, 500);
    } catch {
      text = 'the LMS did not say why';
    }
    errors.push({ call, ...(element ? { element } : {}), code, text });
    if (errors.length > 50) errors.shift();
    return false;
  };
  const guard = (call: ScormError['call'], run: () => unknown, element?: string) => {
    try {
      return truthy(run()) || note(call, element);
    } catch (e) {
      errors.push({ call, ...(element ? { element } : {}), code: 'exception', text: String((e as Error)?.message ?? e).slice(0, 500) });
      return false;
    }
  };
  return {
    version,
    initialize: () => guard('initialize', () => (v12 ? a12.LMSInitialize('') : a04.Initialize(''))),
    get(element) {
      try {
        const value = String((v12 ? a12.LMSGetValue(element) : a04.GetValue(element)) ?? '');
        if (value === '' && lastError() !== '0') note('get', element);
        return value;
      } catch {
        return '';
      }
    },
    set: (element, value) => guard('set', () => (v12 ? a12.LMSSetValue(element, value) : a04.SetValue(element, value)), element),
    commit: () => guard('commit', () => (v12 ? a12.LMSCommit('') : a04.Commit(''))),
    terminate: () => guard('terminate', () => (v12 ? a12.LMSFinish('') : a04.Terminate(''))),
    errors: () => [...errors],
  };
}
