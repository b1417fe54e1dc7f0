/**
 * One window at a time (issue 13): in browser mode two tabs on the same origin share one database, and a
 * stale tab's autosave overwrote minutes typed in the other. The tab holding the Web Lock `LOCK_NAME` is
 * the only one that shows the desk; another tab shows a full-page message with 在此处继续使用, which steals
 * the lock — the previous tab then closes its database handle (nothing more is written there) and shows
 * the same message.
 */
import { useSyncExternalStore, type ReactNode } from 'react';
import { Button } from 'antd';
import { Notice } from '../ui/Notice';
import { replayJournal } from '../ui/journal';
import { errorText } from '../ui/errorText';
import { afterNextPaint, startUp } from './startup';
import type { DeskDB } from '../db';

/** The database handle, once its module has loaded (it is not part of the first screen's script). */
let db: DeskDB | null = null;
/** Why the desk does not show (data a newer build wrote, a database that does not open), or null. */
let refusal: { reason: 'newer' | 'failed'; text: string } | null = null;
const openDb = async (): Promise<boolean> => {
  let outcome = await startUp();
  if (outcome.ok) {
    db ??= (await import('../db')).db;
    // Closed when another tab took over, and taken back here.
    if (!db.isOpen()) outcome = await (await import('../db/open')).openDeskDatabase(db);
  }
  refusal = outcome.ok
    ? null
    : outcome.reason === 'newer'
      ? { reason: 'newer', text: outcome.text }
      : { reason: 'failed', text: `无法打开本机数据库：${errorText(outcome.error)}` };
  return outcome.ok;
};

export const LOCK_NAME = 'secretariat-desk-window';

/**
 * checking: asking for the lock; owner: this tab works; blocked: another tab has it; lost: taken over;
 * refused: the database is not opened (`refusal` says why: db/open.ts).
 */
export type TabMode = 'checking' | 'owner' | 'blocked' | 'lost' | 'refused';

let mode: TabMode = 'checking';
let started = false;
const listeners = new Set<() => void>();

function setMode(m: TabMode) {
  mode = m;
  for (const l of listeners) l();
}

const hasLocks = () => typeof navigator !== 'undefined' && !!navigator.locks;

/** How long a new tab waits for the lock before saying another tab has it (a reload's old page lets go late). */
const WAIT_MS = 1500;

/** Requests the lock and holds it until this tab closes or another tab steals it. */
async function hold(options: LockOptions): Promise<void> {
  let granted = false;
  try {
    await navigator.locks.request(LOCK_NAME, options, async () => {
      granted = true;
      if (!(await openDb())) {
        // Held all the same: no other tab opens the data meanwhile.
        setMode('refused');
        await new Promise<never>(() => undefined);
      }
      // What a page that went away (or the tab this one takes over from) left unsaved.
      await replayJournal().catch((e: unknown) => console.error('未能写入上次未保存的内容', e));
      setMode('owner');
      // Held for the life of the tab; a steal rejects the request's promise (below).
      await new Promise<never>(() => undefined);
    });
  } catch (e) {
    const name = (e as { name?: string } | null)?.name;
    if (granted) {
      // Stolen by another tab: stop writing before the desk unmounts (its last flushes then fail).
      db?.close();
      setMode('lost');
    } else {
      setMode('blocked');
    }
    if (name !== 'AbortError' && name !== 'TimeoutError') console.error('窗口锁出错', e);
  }
}

function start() {
  if (started) return;
  started = true;
  // Called as the first screen commits (its subscription): the start-up work loads once the frame has painted.
  afterNextPaint(() => void startUp());
  if (!hasLocks()) {
    // No Web Locks (very old engines, jsdom): nothing to coordinate with.
    void openDb().then(async (ok) => {
      if (!ok) return setMode('refused');
      await replayJournal().catch((e: unknown) => console.error('未能写入上次未保存的内容', e));
      setMode('owner');
    });
    return;
  }
  void hold({ signal: AbortSignal.timeout(WAIT_MS) });
}

/** 在此处继续使用: takes the lock from the other tab. */
export function takeOver(): void {
  setMode('checking');
  void hold({ steal: true });
}

function subscribe(l: () => void) {
  listeners.add(l);
  start();
  return () => listeners.delete(l);
}

export function useTabMode(): TabMode {
  return useSyncExternalStore(subscribe, () => mode);
}

/**
 * Renders the desk only in the tab holding the lock; `waiting` (the shell's frame, no desk and no sync) while
 * the lock is asked for and the database opens, so the window paints before its data (issue 17).
 */
export function SingleTabGuard(props: { children: ReactNode; waiting?: ReactNode }) {
  const m = useTabMode();
  if (m === 'owner') return props.children;
  if (m === 'checking') return props.waiting ?? null;
  if (m === 'refused') {
    const newer = refusal?.reason === 'newer';
    return (
      <main style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
        <Notice
          status="error"
          title={newer ? '本机数据来自较新版本的工作台' : '无法打开本机数据库'}
          subTitle={refusal?.text}
          extra={
            newer ? undefined : (
              <Button type="primary" onClick={() => window.location.reload()}>
                重新加载
              </Button>
            )
          }
        />
      </main>
    );
  }
  return (
    <main style={{ minHeight: '100vh', display: 'flex', alignItems: 'center', justifyContent: 'center' }}>
      <Notice
        status="warning"
        title={
          m === 'blocked' ? '工作台已在另一个窗口或标签页中打开' : '工作台已在另一个窗口或标签页中继续使用'
        }
        subTitle={
          m === 'blocked'
            ? '同一时间只能在一处使用工作台，以免两处的编辑（例如会议纪要）互相覆盖。请回到已打开的窗口继续工作；或点击“在此处继续使用”，另一处将停止保存。'
            : '本页已停止保存，以免覆盖另一处的编辑。如需回到这里使用，请点击“在此处继续使用”，另一处将停止保存。'
        }
        extra={
          <Button type="primary" onClick={takeOver}>
            在此处继续使用
          </Button>
        }
      />
    </main>
  );
}
