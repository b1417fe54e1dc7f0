import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  useSyncExternalStore,
} from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { AttendanceRecord, EntitledEntry } from '../../../../shared/domain/records';
import { db } from '../../db';
import { useAutosave, useAutosaveLabel } from '../../ui/useAutosave';
import { journalKey } from '../../ui/journal';
import { markAttendance, saveDiscussion } from './data';
import { markedAttendance, shouldSnapshot } from './logic';

export type SaveState = 'saved' | 'saving' | 'error';

/**
 * Autosaves an agenda item's discussion while the clerk types (app/useAutosave.ts): written at most
 * AUTOSAVE_MAX_WAIT_MS behind continuous typing, retried with backoff after a failure (the text stays on
 * screen), flushed when the window hides or closes and on unmount; earlier text kept as versions at the start
 * of each editing burst (shouldSnapshot).
 */
export function useDiscussionAutosave(itemId: number, stored: string) {
  const [text, setText] = useState(stored);
  const savedText = useRef(stored);
  const lastWriteAt = useRef<number | null>(null);
  const lastSnapshotAt = useRef<number | null>(null);
  // The last few texts written here: the live query may deliver one of them after a later one was written.
  const ownWrites = useRef<string[]>([]);
  /** Another workstation's text arrived while the clerk's typing was not yet stored. */
  const [othersReplaced, setOthersReplaced] = useState(false);

  const write = useCallback(
    async (next: string) => {
      if (next === savedText.current) return;
      const now = Date.now();
      const snapshot = shouldSnapshot({
        storedText: savedText.current,
        newText: next,
        now,
        lastWriteAt: lastWriteAt.current,
        lastSnapshotAt: lastSnapshotAt.current,
      });
      await saveDiscussion(db, itemId, next, snapshot, savedText.current);
      savedText.current = next;
      ownWrites.current = [...ownWrites.current.slice(-4), next];
      lastWriteAt.current = now;
      if (snapshot) lastSnapshotAt.current = now;
    },
    [itemId],
  );
  const auto = useAutosave(write, { key: journalKey('minutes', itemId), base: () => savedText.current });
  const label = useAutosaveLabel(auto.status);
  const state: SaveState =
    auto.status.kind === 'failed' ? 'error' : auto.status.kind === 'saving' ? 'saving' : 'saved';

  const { change } = auto;
  const onChange = useCallback(
    (value: string) => {
      setText(value);
      change(value);
    },
    [change],
  );

  /** After a restore (or another workstation's edit), the stored text shown unless the clerk has unsaved typing. */
  const { hasPending } = auto;
  const adopt = useCallback(
    (value: string) => {
      if (hasPending()) return false;
      savedText.current = value;
      setText(value);
      return true;
    },
    [hasPending],
  );

  // Another workstation's text (through the office's server) is followed while the clerk's typing is all
  // stored; typing not yet stored stays, and its write keeps the other's text as a version (saveDiscussion's
  // base) — the clerk is told. A late live-query result of this editor's own writes is not followed.
  useEffect(() => {
    if (stored === savedText.current || ownWrites.current.includes(stored)) return;
    if (!adopt(stored)) setOthersReplaced(true);
  }, [stored, adopt]);
  const dismissOthers = useCallback(() => setOthersReplaced(false), []);

  /**
   * 恢复 a 历史版本: the clerk's typing is stored first (the restore then keeps it as a version), so the
   * restored text is what the editor shows and what stays stored. Refused, with nothing changed, while the
   * typing cannot be stored (a failing write): the restore would be written over at the next retry.
   */
  const { flush } = auto;
  const restore = useCallback(
    async (restoreStored: () => Promise<string>) => {
      await flush();
      if (hasPending()) throw new Error('刚输入的内容还没有保存，请等保存成功后再恢复历史版本');
      adopt(await restoreStored());
    },
    [flush, hasPending, adopt],
  );

  return { text, state, label, onChange, flush, restore, othersReplaced, dismissOthers };
}

export type MarkStatus = 'present' | 'absent' | 'leave';
export type Mark = (entry: EntitledEntry, status: MarkStatus) => Promise<void>;
export type RecordOf = (memberId: number) => AttendanceRecord | undefined;

interface PendingMark {
  record: AttendanceRecord;
  written: boolean;
}

/**
 * The roll-call marks not yet delivered by the live query, outside React state: the quorum bar and the
 * roll call subscribe to it (useMarks), so a keystroke re-renders those two and not the meeting page
 * around them (its tabs, buttons and details: at 10,000 entitled, their context updates alone filled a
 * frame).
 */
export class MarkOverlay {
  private marks: ReadonlyMap<number, PendingMark> = new Map();
  private readonly listeners = new Set<() => void>();
  readonly subscribe = (f: () => void) => {
    this.listeners.add(f);
    return () => void this.listeners.delete(f);
  };
  readonly snapshot = () => this.marks;
  private update(next: ReadonlyMap<number, PendingMark>) {
    if (next === this.marks) return;
    this.marks = next;
    for (const f of this.listeners) f();
  }
  set(memberId: number, p: PendingMark) {
    this.update(new Map(this.marks).set(memberId, p));
  }
  /** Drops the marks `done` says are over (stored and delivered, or failed). */
  drop(done: (memberId: number, p: PendingMark) => boolean) {
    let next: Map<number, PendingMark> | null = null;
    for (const [id, p] of this.marks) {
      if (!done(id, p)) continue;
      next ??= new Map(this.marks);
      next.delete(id);
    }
    if (next) this.update(next);
  }
}

/** The marks of an overlay, re-rendering the caller when they change. */
export function useMarks(overlay: MarkOverlay): ReadonlyMap<number, PendingMark> {
  return useSyncExternalStore(overlay.subscribe, overlay.snapshot);
}

/** The attendance with the marks laid over it (what the quorum counts): logic.ts. */
export { markedAttendance };

/** A member's record as the roll call shows it: its mark not yet delivered, or what is stored. */
export function markedRecordOf(
  liveByMember: ReadonlyMap<number, AttendanceRecord>,
  marks: ReadonlyMap<number, PendingMark>,
): RecordOf {
  return (id) => marks.get(id)?.record ?? liveByMember.get(id);
}

/**
 * A meeting's attendance as its live query delivers it (`live`, for the page), and the roll-call marks not
 * yet delivered (`overlay`, for the quorum bar and the roll call: withMarks): a keystroke marks the row and
 * the quorum counts it in the same frame (issue 17: one frame at 10,000 entitled), while the write (one
 * transaction with its audit entry, data.ts: markAttendance) and the live query's re-read follow. A mark
 * leaves the overlay once the live query shows it stored; a failed write takes it out at once (the row
 * shows what is stored) and rejects.
 */
export function useMeetingAttendance(meetingId: number) {
  const live = useLiveQuery(() => db.attendance.where('meetingId').equals(meetingId).toArray(), [meetingId]);
  const [overlay] = useState(() => new MarkOverlay());
  const liveByMember = useMemo(() => new Map((live ?? []).map((a) => [a.memberId, a])), [live]);
  const latest = useRef(liveByMember);
  latest.current = liveByMember;
  const delivered = (id: number, p: PendingMark) =>
    p.written && latest.current.get(id)?.status === p.record.status;
  // Marks written and delivered by the live query leave the overlay.
  useEffect(() => overlay.drop(delivered), [overlay, liveByMember]);

  const mark: Mark = useCallback(
    async (entry, status) => {
      const before = latest.current.get(entry.memberId);
      // What markAttendance stores: the status, and the representative as attendee when present.
      const record: AttendanceRecord = {
        ...(before ?? { meetingId, memberId: entry.memberId }),
        status,
        updatedAt: new Date().toISOString(),
      };
      if (status === 'present' && !record.attendee && entry.representative)
        record.attendee = entry.representative;
      const p: PendingMark = { record, written: false };
      overlay.set(entry.memberId, p);
      try {
        await markAttendance(db, meetingId, entry.memberId, status, entry.representative);
        p.written = true;
        overlay.drop((id, q) => q === p && delivered(id, q));
      } catch (e) {
        overlay.drop((_, q) => q === p);
        throw e;
      }
    },
    [meetingId, overlay],
  );
  return { live, liveByMember, overlay, mark };
}

/** What useMeetingAttendance delivers, as the meeting page's parts read it. */
export type MeetingAttendance = ReturnType<typeof useMeetingAttendance>;

/**
 * A meeting's attendance (useMeetingAttendance) outside the meeting page's state: AttendanceFeed, a leaf
 * of the page, runs the live query and publishes here; the quorum bar, the roll call and the minutes tab
 * subscribe (useAttendance). So a live delivery after each mark re-renders those parts, not the page with
 * its buttons, details and tabs (the page reads only whether the attendance is loaded).
 */
export class AttendanceStore {
  private value: MeetingAttendance | null = null;
  private readonly listeners = new Set<() => void>();
  readonly subscribe = (f: () => void) => {
    this.listeners.add(f);
    return () => void this.listeners.delete(f);
  };
  readonly snapshot = () => this.value;
  readonly loaded = () => this.value?.live !== undefined;
  publish(v: MeetingAttendance) {
    if (v === this.value) return;
    this.value = v;
    for (const f of this.listeners) f();
  }
}

/** Runs a meeting's attendance live query and publishes it to `store`; renders nothing. */
export function AttendanceFeed(props: { meetingId: number; store: AttendanceStore }) {
  const a = useMeetingAttendance(props.meetingId);
  const { live, liveByMember, overlay, mark } = a;
  const value = useMemo(() => ({ live, liveByMember, overlay, mark }), [live, liveByMember, overlay, mark]);
  useLayoutEffect(() => props.store.publish(value), [props.store, value]);
  return null;
}

/** The attendance published to `store` (null before the feed's first delivery), re-rendering on change. */
export function useAttendance(store: AttendanceStore): MeetingAttendance | null {
  return useSyncExternalStore(store.subscribe, store.snapshot);
}

/** Whether the attendance in `store` has been read (re-renders only when that changes). */
export function useAttendanceLoaded(store: AttendanceStore): boolean {
  return useSyncExternalStore(store.subscribe, store.loaded);
}
