/**
 * One attempt, several tabs: exactly one tab drives it (plays and saves its moves), the others
 * follow it live and say why they are read-only, so an attempt open twice never forks or loses a
 * move. The driving tab holds a Web Lock named after the attempt for as long as it drives; the
 * tabs talk over a BroadcastChannel of the same name:
 * - `state`: the driving tab's copy of the attempt after every change (followers replay it, and
 *   keep the newest copy, so nothing is lost if the driving tab closes before its save lands);
 * - `hello`: a new follower asks for the current copy;
 * - `handover`: a follower asks to drive ("continue here"); the driving tab stops saving, waits for
 *   its saves to land, answers `released` with its last copy and follows; the asking tab then takes
 *   the lock (steals it from the tab that let go, so no third tab slips in between).
 * When the driving tab closes, its lock goes to the first follower that queued for it.
 * Without Web Locks or BroadcastChannel (old browsers), every tab drives, as before.
 */
import type { AttemptRecord } from '../domain/attempts/attempt-record';

export type TabRole = 'driving' | 'following' | 'asking';

type Message =
  | { type: 'state'; record: AttemptRecord }
  | { type: 'hello' }
  | { type: 'handover' }
  | { type: 'released'; record: AttemptRecord | null };

export interface AttemptTabEvents {
  /** This tab drives now; `latest` is the newest copy another tab sent (null: none came). */
  onDrive(latest: AttemptRecord | null): void;
  /** Another tab drives: this one follows (read-only). */
  onFollow(): void;
  /** The driving tab's newer copy of the attempt. */
  onRecord(record: AttemptRecord): void;
  /** Another tab asks to drive: stop saving; resolve with the last copy once every save has landed. */
  onRelease(): Promise<AttemptRecord | null>;
}

export interface AttemptTab {
  role(): TabRole;
  /** The driving tab tells the others the attempt as it is now. */
  publish(record: AttemptRecord): void;
  /** A following tab asks to drive. */
  takeOver(): void;
  /** Leaves the attempt (the page closes it): lets go of the lock and the channel. */
  leave(): void;
}

/** How long a tab that asked waits for the driving tab's answer before taking the lock anyway. */
export const HANDOVER_WAIT_MS = 3000;
/** How long a tab that let go waits to be taken over before it lets the lock go to whoever queued. */
const RELEASED_HOLD_MS = 5000;

/** Whether a copy of the attempt is further along than another (more moves, else more of the trainee's words). */
export function isNewer(a: AttemptRecord, than: AttemptRecord | null): boolean {
  if (!than) return true;
  if (a.moves.length !== than.moves.length) return a.moves.length > than.moves.length;
  return a.freeText.length + a.explainBacks.length > than.freeText.length + than.explainBacks.length;
}

export const tabsCanCoordinate = () => typeof navigator !== 'undefined' && 'locks' in navigator && typeof BroadcastChannel !== 'undefined';

/** Joins the attempt `id` in this tab: drives it if no other tab does, else follows. */
export function joinAttempt(id: string, events: AttemptTabEvents): AttemptTab {
  let role: TabRole = 'following';
  let left = false;
  if (!tabsCanCoordinate()) {
    role = 'driving';
    queueMicrotask(() => events.onDrive(null));
    return { role: () => role, publish: () => undefined, takeOver: () => undefined, leave: () => undefined };
  }
  const name = `ltc-attempt:${id}`;
  const channel = new BroadcastChannel(name);
  let latest: AttemptRecord | null = null;
  let current: AttemptRecord | null = null;
  /** Ends this tab's hold of the lock (resolves the promise its lock callback waits on). */
  let letGo: (() => void) | null = null;
  let queued: AbortController | null = null;
  let answer: ((record: AttemptRecord | null) => void) | null = null;

  const post = (message: Message) => {
    if (!left) channel.postMessage(message);
  };

  /** Holds the lock until `letGo` (leaving, or handing over), as the driving tab; not at all once left. */
  const hold = () =>
    left
      ? Promise.resolve()
      : new Promise<void>((resolve) => {
          letGo = resolve;
        });

  const drive = () => {
    if (left) return;
    role = 'driving';
    events.onDrive(latest);
  };

  const follow = () => {
    if (left) return;
    role = 'following';
    events.onFollow();
    post({ type: 'hello' });
    queue();
  };

  /** The driving tab lost its lock (another tab took it): it follows from now on. */
  const lost = (error: unknown) => {
    letGo = null;
    if (left || (error as Error | null)?.name !== 'AbortError') return;
    if (role === 'driving') follow();
  };

  /** Waits in line for the lock: the driving tab may close. */
  function queue() {
    if (queued || left) return;
    const controller = new AbortController();
    queued = controller;
    navigator.locks
      .request(name, { signal: controller.signal }, () => {
        queued = null;
        drive();
        return hold();
      })
      .catch(lost)
      .finally(() => {
        if (queued === controller) queued = null;
      });
  }

  /** Takes the lock from whoever holds it (after they let go, or did not answer). */
  function steal() {
    queued?.abort();
    queued = null;
    navigator.locks
      .request(name, { steal: true }, () => {
        drive();
        return hold();
      })
      .catch(lost);
  }

  channel.onmessage = ({ data }: MessageEvent<Message>) => {
    if (left) return;
    if (data.type === 'state' || data.type === 'released') {
      if (data.record && isNewer(data.record, latest)) latest = data.record;
      if (data.type === 'state' && role !== 'driving' && data.record) events.onRecord(data.record);
      if (data.type === 'released' && answer) answer(data.record);
    } else if (data.type === 'hello' && role === 'driving' && current) post({ type: 'state', record: current });
    else if (data.type === 'handover' && role === 'driving') {
      role = 'following';
      const holding = letGo;
      void events.onRelease().then((record) => {
        post({ type: 'released', record: record ?? current });
        events.onFollow();
        // Normally taken over at once; if the asking tab went away meanwhile, let whoever queued have it.
        setTimeout(() => {
          if (letGo === holding) {
            letGo?.();
            letGo = null;
          }
          queue();
        }, RELEASED_HOLD_MS);
      });
    }
  };

  navigator.locks
    .request(name, { ifAvailable: true }, (lock) => {
      // Left before the lock came (the page closed at once): let it go at once.
      if (!lock || left) return lock ? true : false;
      drive();
      return hold().then(() => true);
    })
    .then((drove) => {
      if (drove === false) follow();
    }, lost);

  return {
    role: () => role,
    publish(record) {
      current = record;
      if (isNewer(record, latest)) latest = record;
      if (role === 'driving') post({ type: 'state', record });
    },
    takeOver() {
      if (role !== 'following' || left) return;
      role = 'asking';
      const timer = setTimeout(() => answer?.(null), HANDOVER_WAIT_MS);
      answer = (record) => {
        answer = null;
        clearTimeout(timer);
        if (record && isNewer(record, latest)) latest = record;
        steal();
      };
      post({ type: 'handover' });
    },
    leave() {
      left = true;
      queued?.abort();
      letGo?.();
      answer = null;
      channel.close();
    },
  };
}
