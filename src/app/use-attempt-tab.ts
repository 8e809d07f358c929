/**
 * The attempt page's side of `attempt-lock.ts`: whether this tab drives the attempt (a live,
 * saving session) or follows the tab that does (a read-only replay kept up to date), and asking to
 * drive here instead.
 */
import { useEffect, useRef, useState } from 'react';
import type { AttemptRecord } from '../domain/attempts/attempt-record';
import { appRepository, attemptsStore } from '../state/attempts/use-attempts';
import { joinAttempt, type AttemptTab } from './attempt-lock';
import { followAttempt, type FollowedSession } from './following';
import { closeAttempt, openAttempt, type LiveSession, type OpenResult } from './sessions';

export type AttemptTabView =
  | { role: 'joining' }
  /** `tookOver`: this tab drives because the trainee asked for it here ("continue here"). */
  | { role: 'driving'; result: OpenResult; tookOver: boolean }
  | { role: 'following' | 'asking'; result: OpenResult };

export interface AttemptTabState {
  id: string;
  view: AttemptTabView;
  takeOver(): void;
}

export function useAttemptTab(id: string): AttemptTabState {
  const [state, setState] = useState<{ id: string; view: AttemptTabView }>({ id, view: { role: 'joining' } });
  const joined = useRef<AttemptTab | null>(null);

  useEffect(() => {
    let current = true;
    let followed: FollowedSession | null = null;
    let unpublish = () => undefined as void;
    let last: AttemptRecord | null = null;
    let driving: LiveSession | null = null;
    const show = (view: AttemptTabView) => current && setState({ id, view });

    const stopFollowing = () => {
      followed?.stop();
      followed = null;
    };
    const follow = async (record: AttemptRecord | null) => {
      if (!record) {
        const found = await appRepository.get(id);
        record = found.status === 'found' ? found.record : null;
      }
      if (!current || tab.role() === 'driving') return;
      if (!record) return show({ role: 'following', result: { ok: false, problem: 'not-found' } });
      if (followed?.advance(record)) return;
      const result = await followAttempt(record);
      if (!current || tab.role() === 'driving') return result.ok && result.session.stop();
      stopFollowing();
      if (result.ok) followed = result.session;
      show({ role: tab.role() === 'asking' ? 'asking' : 'following', result: result.ok ? { ok: true, session: result.session } : { ok: false, problem: result.problem, record } });
    };

    const tab = joinAttempt(id, {
      onDrive(latest) {
        stopFollowing();
        void openAttempt(id, latest).then((result) => {
          if (!current) return;
          unpublish();
          driving = result.ok ? result.session : null;
          if (result.ok) {
            const attempt = result.session.attempt;
            tab.publish(attempt.getState());
            unpublish = attempt.subscribe((record) => tab.publish(record));
          }
          // Said only when the trainee asked for it here (not when the other tab just closed).
          if (current) setState((s) => ({ id, view: { role: 'driving', result, tookOver: s.id === id && s.view.role === 'asking' } }));
        });
      },
      onFollow() {
        driving = null;
        unpublish();
        unpublish = () => undefined;
        closeAttempt(id); // this tab no longer saves: the driving tab does
        void follow(last);
      },
      onRecord(record) {
        last = record;
        void follow(record);
      },
      async onRelease() {
        const record = driving?.attempt.getState() ?? null;
        driving = null;
        unpublish();
        unpublish = () => undefined;
        closeAttempt(id);
        await attemptsStore.getState().settled();
        last = record;
        return record;
      },
    });
    joined.current = tab;

    return () => {
      current = false;
      unpublish();
      stopFollowing();
      tab.leave();
      if (joined.current === tab) joined.current = null;
    };
  }, [id]);

  return {
    id: state.id,
    view: state.id === id ? state.view : { role: 'joining' },
    takeOver: () => {
      if (!joined.current || state.view.role !== 'following') return;
      joined.current.takeOver();
      setState((s) => (s.view.role === 'following' ? { ...s, view: { ...s.view, role: 'asking' } } : s));
    },
  };
}
