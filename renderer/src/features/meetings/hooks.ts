import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useLiveQuery } from 'dexie-react-hooks';
import type { AttendanceRecord, EntitledEntry } from '../../../../shared/domain/records';
import { db } from '../../db';
import { useAutosave, useAutosaveLabel } from '../../ui/useAutosave';
import { journalKey } from '../../ui/journal';
import { markAttendance, saveDiscussion } from './data';
import { shouldSnapshot } from './logic';

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
      await saveDiscussion(db, itemId, next, snapshot);
      savedText.current = next;
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

  /**
   * After a restore, adopt the stored text unless the clerk has unsaved typing. (The live stored value is
   * deliberately not followed: a late live-query result must never overwrite newer typing.)
   */
  const { hasPending } = auto;
  const adopt = useCallback(
    (value: string) => {
      if (hasPending()) return;
      savedText.current = value;
      setText(value);
    },
    [hasPending],
  );

  return { text, state, label, onChange, flush: auto.flush, adopt };
}

export type MarkStatus = 'present' | 'absent' | 'leave';
export type Mark = (entry: EntitledEntry, status: MarkStatus) => Promise<void>;

interface PendingMark {
  record: AttendanceRecord;
  written: boolean;
}

/**
 * A meeting's attendance as its live query delivers it, with the roll-call marks not yet delivered laid
 * over it: a keystroke marks the row and the quorum counts it in the same frame (issue 17: one frame at
 * 10,000 entitled), while the write (one transaction with its audit entry, data.ts: markAttendance) and
 * the live query's re-read of the meeting's attendance follow. A mark leaves the overlay once the live
 * query shows it stored; a failed write leaves it at once (the row shows what is stored) and rejects.
 */
export function useMeetingAttendance(meetingId: number) {
  const live = useLiveQuery(() => db.attendance.where('meetingId').equals(meetingId).toArray(), [meetingId]);
  const [overlay, setOverlay] = useState<ReadonlyMap<number, PendingMark>>(() => new Map());
  const [writes, setWrites] = useState(0);
  const liveByMember = useMemo(() => new Map((live ?? []).map((a) => [a.memberId, a])), [live]);

  // Marks written and delivered by the live query leave the overlay.
  useEffect(() => {
    setOverlay((prev) => {
      let next: Map<number, PendingMark> | null = null;
      for (const [id, p] of prev) {
        if (p.written && liveByMember.get(id)?.status === p.record.status) {
          next ??= new Map(prev);
          next.delete(id);
        }
      }
      return next ?? prev;
    });
  }, [liveByMember, writes]);

  const attendance = useMemo(() => {
    if (live === undefined) return undefined;
    if (overlay.size === 0) return live;
    const out = live.filter((a) => !overlay.has(a.memberId));
    for (const p of overlay.values()) out.push(p.record);
    return out;
  }, [live, overlay]);

  const latest = useRef(liveByMember);
  latest.current = liveByMember;
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
      setOverlay((prev) => new Map(prev).set(entry.memberId, p));
      try {
        await markAttendance(db, meetingId, entry.memberId, status, entry.representative);
        p.written = true;
        setWrites((n) => n + 1);
      } catch (e) {
        setOverlay((prev) => {
          if (prev.get(entry.memberId) !== p) return prev;
          const next = new Map(prev);
          next.delete(entry.memberId);
          return next;
        });
        throw e;
      }
    },
    [meetingId],
  );
  const recordOf = useCallback(
    (memberId: number) => overlay.get(memberId)?.record ?? liveByMember.get(memberId),
    [overlay, liveByMember],
  );
  return { attendance, mark, recordOf };
}

export type RecordOf = (memberId: number) => AttendanceRecord | undefined;
