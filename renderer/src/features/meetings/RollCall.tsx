import { memo, useCallback, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { App, Button, Flex, Input, Radio, Tag, Typography, theme } from 'antd';
import { useVirtualizer } from '@tanstack/react-virtual';
import type { AttendanceRecord, EntitledEntry, Meeting } from '../../../../shared/domain/records';
import { db } from '../../db';
import { DateInput } from '../../ui/DateInput';
import { today } from '../../ui/today';
import { saveAttendance } from './data';
import { quorumOf, rollKey, ROLL_STATUS_LABEL, type QuorumView, type RollStatus } from './logic';
import {
  markedAttendance,
  markedRecordOf,
  useMarks,
  type Mark,
  type MarkOverlay,
  type MarkStatus,
} from './hooks';
import { errorText } from '../../ui/errorText';
import './rollcall.css';

/** The live quorum indicator (R-O2, R-O4, R-O6), observers excluded. */
export function QuorumBar(props: { quorum: QuorumView; remote: boolean }) {
  const q = props.quorum;
  return (
    <Flex
      role="status"
      aria-live="polite"
      aria-label="法定人数"
      gap={16}
      align="center"
      wrap
      style={{
        padding: '8px 12px',
        borderRadius: 6,
        background: q.quorate ? '#f6ffed' : '#fff2f0',
        border: `1px solid ${q.quorate ? '#b7eb8f' : '#ffccc7'}`,
      }}
    >
      <Typography.Text strong style={{ fontSize: 16 }}>
        {q.text}
      </Typography.Text>
      <Typography.Text>{q.threshold}</Typography.Text>
      <Tag color={q.quorate ? 'green' : 'red'} style={{ fontSize: 14, padding: '2px 8px' }}>
        {q.label}
      </Tag>
      <Typography.Text type="secondary">
        {props.remote
          ? `（出席 = 收回表决票；未收回 ${q.entitled - q.present}）`
          : `缺席 ${q.absent} · 请假 ${q.leave} · 未登记 ${q.unmarked}`}
      </Typography.Text>
    </Flex>
  );
}

/**
 * The quorum bar of the meeting page, counting the roll call's marks as they are made (hooks.ts: the
 * overlay), before the live query delivers them.
 */
export function LiveQuorumBar(props: {
  meeting: Meeting;
  live: readonly AttendanceRecord[];
  overlay: MarkOverlay;
  remote: boolean;
}) {
  const { meeting, live } = props;
  const marks = useMarks(props.overlay);
  const quorum = useMemo(() => quorumOf(meeting, markedAttendance(live, marks)), [meeting, live, marks]);
  return <QuorumBar quorum={quorum} remote={props.remote} />;
}

const ROW_HEIGHT = 44;
const OVERSCAN = 8;

function AttendeeInput(props: {
  meetingId: number;
  entry: EntitledEntry;
  record: AttendanceRecord | undefined;
}) {
  const { entry, record } = props;
  const [value, setValue] = useState<string | null>(null);
  const shown = value ?? record?.attendee ?? '';
  const save = async () => {
    if (value === null || value === (record?.attendee ?? '')) return;
    await saveAttendance(db, props.meetingId, entry.memberId, { attendee: value.trim() });
    setValue(null);
  };
  return (
    <Input
      size="small"
      aria-label={`到会代表：${entry.name}`}
      placeholder={entry.representative}
      value={shown}
      onChange={(e) => setValue(e.target.value)}
      onBlur={() => void save()}
      onPressEnter={() => void save()}
    />
  );
}

const ROLL_OPTIONS = [
  { value: 'present', label: '出席' },
  { value: 'absent', label: '缺席' },
  { value: 'leave', label: '请假' },
];

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
        {entry.observer ? <Tag style={{ marginLeft: 6 }}>列席，无表决权</Tag> : null}
      </div>
      <div role="cell">
        <AttendeeInput key={record?.updatedAt ?? 'new'} meetingId={meetingId} entry={entry} record={record} />
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
              <Tag>列席</Tag>
            ) : record?.ballotReturnedOn ? (
              <Tag color="green">已收回</Tag>
            ) : (
              <Tag>未收回</Tag>
            )}
          </div>
        </>
      ) : (
        <>
          <div role="cell">
            {entry.observer ? (
              <Tag>列席</Tag>
            ) : (
              <Radio.Group
                aria-label={`签到：${entry.name}`}
                value={status === 'unmarked' ? undefined : status}
                onChange={(e) => onMark(entry, e.target.value as MarkStatus)}
                options={ROLL_OPTIONS}
              />
            )}
          </div>
          <div role="cell">
            <Tag color={status === 'present' ? 'green' : status === 'unmarked' ? undefined : 'orange'}>
              {ROLL_STATUS_LABEL[status]}
            </Tag>
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
 * ↑/↓ move between rows. The radios do the same by mouse. A virtualised list (only the rows in view are
 * in the DOM) of memoised rows: at 10,000 entitled a keystroke renders the marked row, the next row's
 * focus and the quorum bar, in one frame; the mark is shown at once and written behind it
 * (hooks.ts: useMeetingAttendance).
 */
export function RollCall(props: {
  meeting: Meeting;
  liveByMember: ReadonlyMap<number, AttendanceRecord>;
  overlay: MarkOverlay;
  mark: Mark;
}) {
  const { meeting, liveByMember, mark } = props;
  const marks = useMarks(props.overlay);
  const recordOf = useMemo(() => markedRecordOf(liveByMember, marks), [liveByMember, marks]);
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
  const virtualizer = useVirtualizer({
    count,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN,
  });

  const onMark = useCallback(
    (entry: EntitledEntry, status: MarkStatus) => {
      mark(entry, status).catch((e: unknown) => message.error(`签到保存失败：${errorText(e)}`));
    },
    [mark, message],
  );

  const focusRow = useCallback(
    (pos: number) => {
      if (pos < 0 || pos >= count) return;
      const find = () => scroller.current?.querySelector<HTMLElement>(`[data-roll-row="${pos}"]`);
      const el = find();
      if (el) {
        el.focus();
        return;
      }
      // Not rendered (far from the rows in view): scroll there, then focus once it is.
      virtualizer.scrollToIndex(pos, { align: 'center' });
      requestAnimationFrame(() => find()?.focus());
    },
    [count, virtualizer],
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
  const sendAll = async () => {
    const date = today();
    for (const e of entitled.filter((x) => !x.observer && !recordOf(x.memberId)?.ballotSentOn)) {
      await saveAttendance(db, meeting.id!, e.memberId, { ballotSentOn: date });
    }
    message.success(`已记录表决票发出日期：${date}`);
  };
  const columns = remote ? REMOTE_COLUMNS : ONSITE_COLUMNS;

  return (
    <Flex vertical gap={8}>
      <Flex gap={8} align="center" wrap>
        <Input
          allowClear
          aria-label="查找单位"
          placeholder="查找单位（名称或代表）"
          style={{ width: 260 }}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
        />
        {remote ? (
          <Button onClick={() => void sendAll()}>表决票全部发出（今日）</Button>
        ) : (
          <Typography.Text type="secondary">
            选中一行后按 1 / Y 出席、2 / N 缺席、3 / L 请假，自动跳到下一行；↑ ↓ 换行。
          </Typography.Text>
        )}
      </Flex>
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
          style={{ height, overflowY: 'auto', overflowX: 'hidden', contain: 'strict', position: 'relative' }}
        >
          {count === 0 ? (
            <Typography.Text type="secondary" style={{ display: 'block', padding: 16, textAlign: 'center' }}>
              {entitled.length === 0 ? '本次会议没有应到单位' : '没有符合条件的单位'}
            </Typography.Text>
          ) : (
            <div style={{ height: virtualizer.getTotalSize(), position: 'relative' }}>
              {virtualizer.getVirtualItems().map((item) => {
                const index = indexAt(item.index);
                const entry = entitled[index]!;
                return (
                  <RollRow
                    key={entry.memberId}
                    meetingId={meeting.id!}
                    remote={remote}
                    entry={entry}
                    index={index}
                    pos={item.index}
                    record={recordOf(entry.memberId)}
                    top={item.start}
                    onKey={onKey}
                    onMark={onMark}
                  />
                );
              })}
            </div>
          )}
        </div>
      </div>
    </Flex>
  );
}
