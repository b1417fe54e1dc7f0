import { memo, useCallback, useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { flushSync } from 'react-dom';
import { App, Button, Flex, Input, Typography, theme } from 'antd';
import type { AttendanceRecord, EntitledEntry, Meeting } from '../../../../shared/domain/records';
import { db } from '../../db';
import { DateInput } from '../../ui/DateInput';
import { today } from '../../ui/today';
import { saveAttendance } from './data';
import {
  quorumOf,
  quorumOfCounts,
  rollCountsOf,
  rollCountsStep,
  rollKey,
  ROLL_STATUS_LABEL,
  type QuorumView,
  type RollStatus,
} from './logic';
import {
  MarkOverlay,
  markedAttendance,
  markedRecordOf,
  useAttendance,
  useMarks,
  type AttendanceStore,
  type MarkStatus,
} from './hooks';
import { errorText } from '../../ui/errorText';
import { rowsOf, rowWindow, scrollToShow } from '../../ui/rowWindow';
import './rollcall.css';

/**
 * The live quorum indicator (R-O2, R-O4, R-O6), observers excluded. Plain elements styled in rollcall.css:
 * it re-renders on every roll-call keystroke.
 */
export function QuorumBar(props: { quorum: Omit<QuorumView, 'presentIds'>; remote: boolean }) {
  const q = props.quorum;
  return (
    <div
      role="status"
      aria-live="polite"
      aria-label="法定人数"
      className={`quorum-bar ${q.quorate ? 'quorum-met' : 'quorum-unmet'}`}
    >
      <strong className="quorum-text">{q.text}</strong>
      <span>{q.threshold}</span>
      <span className="quorum-label">{q.label}</span>
      <span className="quorum-detail">
        {props.remote
          ? `（出席 = 收回表决票；未收回 ${q.entitled - q.present}）`
          : `缺席 ${q.absent} · 请假 ${q.leave} · 未登记 ${q.unmarked}`}
      </span>
    </div>
  );
}

const NO_RECORDS: readonly AttendanceRecord[] = [];
const NO_RECORD_MAP: ReadonlyMap<number, AttendanceRecord> = new Map();
const NO_MARKS = new MarkOverlay();

/**
 * The quorum bar of the meeting page, counting the roll call's marks as they are made (hooks.ts: the
 * overlay), before the live query delivers them. Onsite, the counts are taken once per live delivery
 * (rollCountsOf) and each mark not yet delivered steps them (rollCountsStep): a keystroke costs O(1),
 * not a pass over the 10,000 entitled; the quorum itself is the engine's (quorumNeeded, isQuorate).
 */
export function LiveQuorumBar(props: { meeting: Meeting; store: AttendanceStore; remote: boolean }) {
  const { meeting } = props;
  const a = useAttendance(props.store);
  const live = a?.live ?? NO_RECORDS;
  const byMember = a?.liveByMember ?? NO_RECORD_MAP;
  const marks = useMarks(a?.overlay ?? NO_MARKS);
  const base = useMemo(() => rollCountsOf(meeting, live), [meeting, live]);
  const quorum = useMemo(() => {
    if (!base) return quorumOf(meeting, markedAttendance(live, marks));
    let c = base;
    for (const [id, p] of marks)
      c = rollCountsStep(c, meeting, id, byMember.get(id)?.status, p.record.status);
    return quorumOfCounts(meeting, c);
  }, [meeting, base, live, byMember, marks]);
  return <QuorumBar quorum={quorum} remote={props.remote} />;
}

const ROW_HEIGHT = 44;
// Rows rendered beyond those in view on each side.
const OVERSCAN = 4;

/**
 * 到会代表: a plain input (rendered with every row the list brings into view). What is typed is kept
 * while the record it was typed over is unchanged, and saved on blur or Enter.
 */
function AttendeeInput(props: {
  meetingId: number;
  entry: EntitledEntry;
  record: AttendanceRecord | undefined;
}) {
  const { entry, record } = props;
  const stored = record?.attendee ?? '';
  const [draft, setDraft] = useState<{ text: string; over: string | undefined } | null>(null);
  const typed = draft && draft.over === record?.updatedAt ? draft.text : null;
  const save = async () => {
    if (typed === null) return;
    if (typed !== stored)
      await saveAttendance(db, props.meetingId, entry.memberId, { attendee: typed.trim() });
    setDraft(null);
  };
  return (
    <input
      className="rollcall-input"
      aria-label={`到会代表：${entry.name}`}
      placeholder={entry.representative}
      value={typed ?? stored}
      onChange={(e) => setDraft({ text: e.target.value, over: record?.updatedAt })}
      onBlur={() => void save()}
      onKeyDown={(e) => {
        if (e.key === 'Enter') void save();
      }}
    />
  );
}

const ROLL_OPTIONS: readonly { value: MarkStatus; label: string }[] = [
  { value: 'present', label: '出席' },
  { value: 'absent', label: '缺席' },
  { value: 'leave', label: '请假' },
];

/** The status cell's look (rollcall.css), as antd's green / orange / default tags. */
const STATUS_CLASS: Record<RollStatus, string> = {
  present: 'rollcall-tag rollcall-tag-green',
  absent: 'rollcall-tag rollcall-tag-orange',
  leave: 'rollcall-tag rollcall-tag-orange',
  observer: 'rollcall-tag',
  unmarked: 'rollcall-tag',
};

interface RowProps {
  meetingId: number;
  remote: boolean;
  entry: EntitledEntry;
  /** Position in the entitled list (序号). */
  index: number;
  /** Position in the list shown (after 查找单位). */
  pos: number;
  record: AttendanceRecord | undefined;
  top: number;
  onKey: (e: KeyboardEvent<HTMLElement>, entry: EntitledEntry, pos: number) => void;
  onMark: (entry: EntitledEntry, status: MarkStatus) => void;
}

/** The same record as far as a row shows it (the live query reads fresh objects on every change). */
function sameRecord(a: AttendanceRecord | undefined, b: AttendanceRecord | undefined): boolean {
  if (a === b) return true;
  if (!a || !b) return false;
  return (
    a.updatedAt === b.updatedAt &&
    a.status === b.status &&
    a.attendee === b.attendee &&
    a.ballotSentOn === b.ballotSentOn &&
    a.ballotReturnedOn === b.ballotReturnedOn
  );
}

function sameRow(a: RowProps, b: RowProps): boolean {
  return (
    a.meetingId === b.meetingId &&
    a.remote === b.remote &&
    a.entry === b.entry &&
    a.index === b.index &&
    a.pos === b.pos &&
    a.top === b.top &&
    a.onKey === b.onKey &&
    a.onMark === b.onMark &&
    sameRecord(a.record, b.record)
  );
}

/**
 * One row of the roll call; memoised (by what it shows), so a mark re-renders only its own row, and the
 * live query's next delivery only the rows whose records changed.
 */
const RollRow = memo(function RollRow(props: RowProps) {
  const { meetingId, remote, entry, index, pos, record, top, onKey, onMark } = props;
  const status: RollStatus = entry.observer ? 'observer' : (record?.status ?? 'unmarked');
  return (
    <div
      role="row"
      aria-rowindex={pos + 2}
      tabIndex={0}
      data-roll-row={pos}
      className={`rollcall-row${remote ? ' rollcall-remote' : ''}`}
      style={{ transform: `translateY(${top}px)` }}
      onKeyDown={(e) => onKey(e, entry, pos)}
    >
      <div role="cell">{index + 1}</div>
      <div role="cell" className="rollcall-name">
        {entry.name}
        {entry.observer ? <span className="rollcall-tag rollcall-tag-after">列席，无表决权</span> : null}
      </div>
      <div role="cell">
        <AttendeeInput meetingId={meetingId} entry={entry} record={record} />
      </div>
      {remote ? (
        <>
          <div role="cell">
            {entry.observer ? null : (
              <DateInput
                aria-label={`表决票发出日期：${entry.name}`}
                value={record?.ballotSentOn ?? null}
                onChange={(d) => void saveAttendance(db, meetingId, entry.memberId, { ballotSentOn: d })}
              />
            )}
          </div>
          <div role="cell">
            {entry.observer ? null : (
              <Flex gap={4} align="center">
                <DateInput
                  aria-label={`表决票收回日期：${entry.name}`}
                  value={record?.ballotReturnedOn ?? null}
                  onChange={(d) =>
                    void saveAttendance(db, meetingId, entry.memberId, {
                      ballotReturnedOn: d,
                      status: d ? 'present' : 'absent',
                    })
                  }
                />
                {record?.ballotReturnedOn ? null : (
                  <Button
                    size="small"
                    type="link"
                    onClick={() =>
                      void saveAttendance(db, meetingId, entry.memberId, {
                        ballotReturnedOn: today(),
                        status: 'present',
                      })
                    }
                  >
                    今日收回
                  </Button>
                )}
              </Flex>
            )}
          </div>
          <div role="cell">
            {entry.observer ? (
              <span className="rollcall-tag">列席</span>
            ) : record?.ballotReturnedOn ? (
              <span className="rollcall-tag rollcall-tag-green">已收回</span>
            ) : (
              <span className="rollcall-tag">未收回</span>
            )}
          </div>
        </>
      ) : (
        <>
          <div role="cell">
            {entry.observer ? (
              <span className="rollcall-tag">列席</span>
            ) : (
              <div role="radiogroup" aria-label={`签到：${entry.name}`} className="rollcall-radios">
                {ROLL_OPTIONS.map((o) => (
                  <label key={o.value}>
                    <input
                      type="radio"
                      name={`roll-${meetingId}-${entry.memberId}`}
                      value={o.value}
                      checked={status === o.value}
                      onChange={() => onMark(entry, o.value)}
                    />
                    {o.label}
                  </label>
                ))}
              </div>
            )}
          </div>
          <div role="cell">
            <span className={STATUS_CLASS[status]}>{ROLL_STATUS_LABEL[status]}</span>
          </div>
        </>
      )}
    </div>
  );
}, sameRow);

const ONSITE_COLUMNS = ['序号', '单位名称', '到会代表', '签到', '状态'];
const REMOTE_COLUMNS = ['序号', '单位名称', '到会代表', '表决票发出日期', '表决票收回日期', '状态'];

/**
 * 签到: one keystroke per row — focus a row, press 1/Y 出席, 2/N 缺席, 3/L 请假, and the focus moves on;
 * ↑/↓ move between rows. The radios do the same by mouse. A windowed list (only the rows in view are in
 * the DOM, ui/rowWindow) of memoised rows: at 10,000 entitled a keystroke renders the marked row, the next
 * row's focus and the quorum bar, in one frame; the mark is shown at once and written behind it
 * (hooks.ts: useMeetingAttendance).
 */
export function RollCall(props: { meeting: Meeting; store: AttendanceStore }) {
  const { meeting } = props;
  const a = useAttendance(props.store);
  const liveByMember = a?.liveByMember ?? NO_RECORD_MAP;
  const mark = a?.mark;
  const marks = useMarks(a?.overlay ?? NO_MARKS);
  const recordOf = useMemo(() => markedRecordOf(liveByMember, marks), [liveByMember, marks]);
  const latestRecordOf = useRef(recordOf);
  latestRecordOf.current = recordOf;
  const { message } = App.useApp();
  const { token } = theme.useToken();
  const [filter, setFilter] = useState('');
  const entitled = meeting.entitled;
  /** The entitled positions shown (null: all, in order). */
  const shown: number[] | null = useMemo(() => {
    const f = filter.trim().toLowerCase();
    if (!f) return null;
    const out: number[] = [];
    entitled.forEach((e, i) => {
      if (e.name.toLowerCase().includes(f) || e.representative.toLowerCase().includes(f)) out.push(i);
    });
    return out;
  }, [entitled, filter]);
  const count = shown ? shown.length : entitled.length;
  const indexAt = (pos: number) => (shown ? shown[pos]! : pos);

  const scroller = useRef<HTMLDivElement>(null);
  const [maxHeight] = useState(() => Math.max(320, window.innerHeight - 360));
  const height = Math.min(maxHeight, Math.max(count, 1) * ROW_HEIGHT + 2);
  // The list's scroll position, as rendered: set from its scroll events, and by a keystroke that moves the
  // focus out of view — in the keystroke's own render, so the frame's scroll event finds it rendered and
  // changes nothing (a row mounted inside that event cost the keystroke a second frame: issue 17's trace).
  const [scrollTop, setScrollTop] = useState(0);
  const shownTop = useRef(0);
  const view = rowWindow(scrollTop, height, ROW_HEIGHT, count, OVERSCAN);
  // A new 查找单位 shows its results from the top, in the frame that first shows them.
  useLayoutEffect(() => {
    const box = scroller.current;
    if (!box || shownTop.current === 0) return;
    shownTop.current = 0;
    box.scrollTop = 0;
    setScrollTop(0);
  }, [filter]);

  const onMark = useCallback(
    (entry: EntitledEntry, status: MarkStatus) => {
      if (!mark) return;
      mark(entry, status).catch((e: unknown) => message.error(`签到保存失败：${errorText(e)}`));
    },
    [mark, message],
  );

  const focusRow = useCallback(
    (pos: number) => {
      const box = scroller.current;
      if (!box || pos < 0 || pos >= count) return;
      // Scroll by the row's known offset, only when it is out of view (no layout read), and render the
      // rows at the new position now (with the keystroke's mark); then focus the row, without the
      // browser's scroll-into-view.
      const y = scrollToShow(pos, shownTop.current, height, ROW_HEIGHT, count);
      if (y !== shownTop.current) {
        shownTop.current = y;
        box.scrollTop = y;
        flushSync(() => setScrollTop(y));
      }
      box.querySelector<HTMLElement>(`[data-roll-row="${pos}"]`)?.focus({ preventScroll: true });
    },
    [count, height],
  );

  const onKey = useCallback(
    (e: KeyboardEvent<HTMLElement>, entry: EntitledEntry, pos: number) => {
      if (e.target !== e.currentTarget) return; // typing in the representative field
      if (e.key === 'ArrowDown') {
        e.preventDefault();
        focusRow(pos + 1);
        return;
      }
      if (e.key === 'ArrowUp') {
        e.preventDefault();
        focusRow(pos - 1);
        return;
      }
      const status = rollKey(e.key);
      if (!status || entry.observer) return;
      e.preventDefault();
      onMark(entry, status);
      focusRow(pos + 1);
    },
    [focusRow, onMark],
  );

  const remote = meeting.form === 'remote';
  const sendAll = useCallback(async () => {
    const date = today();
    const recordOfNow = latestRecordOf.current;
    for (const e of entitled.filter((x) => !x.observer && !recordOfNow(x.memberId)?.ballotSentOn)) {
      await saveAttendance(db, meeting.id!, e.memberId, { ballotSentOn: date });
    }
    message.success(`已记录表决票发出日期：${date}`);
  }, [entitled, meeting.id, message]);
  const columns = remote ? REMOTE_COLUMNS : ONSITE_COLUMNS;

  return (
    <div className="rollcall-wrap">
      <RollToolbar filter={filter} setFilter={setFilter} remote={remote} sendAll={sendAll} />
      <div
        role="table"
        aria-label="签到表"
        aria-rowcount={count + 1}
        className="rollcall"
        style={{
          border: `1px solid ${token.colorBorderSecondary}`,
          borderRadius: token.borderRadius,
          ['--rollcall-border' as string]: token.colorBorderSecondary,
          ['--rollcall-focus' as string]: token.colorPrimary,
          ['--rollcall-row-height' as string]: `${ROW_HEIGHT}px`,
        }}
      >
        <div role="rowgroup">
          <div
            role="row"
            aria-rowindex={1}
            className={`rollcall-head${remote ? ' rollcall-remote' : ''}`}
            style={{ background: token.colorFillAlter, fontWeight: token.fontWeightStrong }}
          >
            {columns.map((c) => (
              <div role="columnheader" key={c}>
                {c}
              </div>
            ))}
          </div>
        </div>
        <div
          ref={scroller}
          role="rowgroup"
          onScroll={(e) => {
            const y = e.currentTarget.scrollTop;
            shownTop.current = y;
            // Rendered before the frame that shows the scrolled position (a keystroke's scroll: already).
            flushSync(() => setScrollTop(y));
          }}
          style={{ height, overflowY: 'auto', overflowX: 'hidden', contain: 'strict', position: 'relative' }}
        >
          {count === 0 ? (
            <Typography.Text type="secondary" style={{ display: 'block', padding: 16, textAlign: 'center' }}>
              {entitled.length === 0 ? '本次会议没有应到单位' : '没有符合条件的单位'}
            </Typography.Text>
          ) : (
            <div style={{ height: count * ROW_HEIGHT, position: 'relative' }}>
              {rowsOf(view).map((pos) => {
                const index = indexAt(pos);
                const entry = entitled[index]!;
                return (
                  <RollRow
                    key={entry.memberId}
                    meetingId={meeting.id!}
                    remote={remote}
                    entry={entry}
                    index={index}
                    pos={pos}
                    record={recordOf(entry.memberId)}
                    top={pos * ROW_HEIGHT}
                    onKey={onKey}
                    onMark={onMark}
                  />
                );
              })}
            </div>
          )}
        </div>
      </div>
    </div>
  );
}

/** 查找单位 and the hint (or 表决票全部发出): memoised, so a mark does not re-render them. */
const RollToolbar = memo(function RollToolbar(props: {
  filter: string;
  setFilter: (f: string) => void;
  remote: boolean;
  sendAll: () => Promise<void>;
}) {
  const { setFilter, sendAll } = props;
  return (
    <Flex gap={8} align="center" wrap>
      <Input
        allowClear
        aria-label="查找单位"
        placeholder="查找单位（名称或代表）"
        style={{ width: 260 }}
        value={props.filter}
        onChange={(e) => setFilter(e.target.value)}
      />
      {props.remote ? (
        <Button onClick={() => void sendAll()}>表决票全部发出（今日）</Button>
      ) : (
        <Typography.Text type="secondary">
          选中一行后按 1 / Y 出席、2 / N 缺席、3 / L 请假，自动跳到下一行；↑ ↓ 换行。
        </Typography.Text>
      )}
    </Flex>
  );
});
