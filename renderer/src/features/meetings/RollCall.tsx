import { useCallback, useMemo, useState, type KeyboardEvent } from 'react';
import { App, Button, Flex, Input, Radio, Table, Tag, Typography } from 'antd';
import type { AttendanceRecord, EntitledEntry, Meeting } from '../../../../shared/domain/records';
import { db } from '../../db';
import { DateInput } from '../../ui/DateInput';
import { today } from '../../ui/today';
import { markAttendance, saveAttendance } from './data';
import { rollKey, ROLL_STATUS_LABEL, type QuorumView, type RollStatus } from './logic';
import { errorText } from '../../ui/errorText';

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

interface Row {
  entry: EntitledEntry;
  index: number;
  record: AttendanceRecord | undefined;
  status: RollStatus;
}

function AttendeeInput(props: { meetingId: number; row: Row }) {
  const { entry, record } = props.row;
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

/**
 * 签到: one keystroke per row — focus a row, press 1/Y 出席, 2/N 缺席, 3/L 请假, and the focus moves on;
 * ↑/↓ move between rows. The radios do the same by mouse.
 */
export function RollCall(props: { meeting: Meeting; attendance: AttendanceRecord[] }) {
  const { meeting } = props;
  const { message } = App.useApp();
  const [filter, setFilter] = useState('');
  const byMember = useMemo(() => new Map(props.attendance.map((a) => [a.memberId, a])), [props.attendance]);
  const rows: Row[] = useMemo(() => {
    const f = filter.trim().toLowerCase();
    return meeting.entitled
      .map((entry, index) => {
        const record = byMember.get(entry.memberId);
        const status: RollStatus = entry.observer ? 'observer' : (record?.status ?? 'unmarked');
        return { entry, index, record, status };
      })
      .filter(
        (r) =>
          !f || r.entry.name.toLowerCase().includes(f) || r.entry.representative.toLowerCase().includes(f),
      );
  }, [meeting.entitled, byMember, filter]);

  const focusRow = (i: number) => {
    const el = document.querySelector<HTMLElement>(`[data-roll-row="${i}"]`);
    el?.focus();
  };

  const mark = useCallback(
    async (entry: EntitledEntry, status: 'present' | 'absent' | 'leave') => {
      try {
        await markAttendance(db, meeting.id!, entry.memberId, status, entry.representative);
      } catch (e) {
        message.error(`签到保存失败：${errorText(e)}`);
      }
    },
    [meeting.id, message],
  );

  const onRowKey = (e: KeyboardEvent<HTMLElement>, row: Row, pos: number) => {
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
    if (!status || row.entry.observer) return;
    e.preventDefault();
    void mark(row.entry, status);
    focusRow(pos + 1);
  };

  const remote = meeting.form === 'remote';
  const sendAll = async () => {
    const date = today();
    for (const e of meeting.entitled.filter((x) => !x.observer && !byMember.get(x.memberId)?.ballotSentOn)) {
      await saveAttendance(db, meeting.id!, e.memberId, { ballotSentOn: date });
    }
    message.success(`已记录表决票发出日期：${date}`);
  };

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
      <Table<Row>
        size="small"
        rowKey={(r) => r.entry.memberId}
        dataSource={rows}
        pagination={false}
        aria-label="签到表"
        onRow={(row, pos) => ({
          tabIndex: 0,
          'data-roll-row': pos,
          onKeyDown: (e: KeyboardEvent<HTMLElement>) => onRowKey(e, row, pos ?? 0),
          style: { outlineOffset: -2 },
        })}
        columns={[
          { title: '序号', width: 56, render: (_, r) => r.index + 1 },
          {
            title: '单位名称',
            render: (_, r) => (
              <span>
                {r.entry.name}
                {r.entry.observer ? <Tag style={{ marginLeft: 6 }}>列席，无表决权</Tag> : null}
              </span>
            ),
          },
          {
            title: '到会代表',
            width: 150,
            render: (_, r) => (
              <AttendeeInput key={r.record?.updatedAt ?? 'new'} meetingId={meeting.id!} row={r} />
            ),
          },
          ...(remote
            ? [
                {
                  title: '表决票发出日期',
                  width: 150,
                  render: (_: unknown, r: Row) =>
                    r.entry.observer ? null : (
                      <DateInput
                        aria-label={`表决票发出日期：${r.entry.name}`}
                        value={r.record?.ballotSentOn ?? null}
                        onChange={(d) =>
                          void saveAttendance(db, meeting.id!, r.entry.memberId, { ballotSentOn: d })
                        }
                      />
                    ),
                },
                {
                  title: '表决票收回日期',
                  width: 230,
                  render: (_: unknown, r: Row) =>
                    r.entry.observer ? null : (
                      <Flex gap={4} align="center">
                        <DateInput
                          aria-label={`表决票收回日期：${r.entry.name}`}
                          value={r.record?.ballotReturnedOn ?? null}
                          onChange={(d) =>
                            void saveAttendance(db, meeting.id!, r.entry.memberId, {
                              ballotReturnedOn: d,
                              status: d ? 'present' : 'absent',
                            })
                          }
                        />
                        {r.record?.ballotReturnedOn ? null : (
                          <Button
                            size="small"
                            type="link"
                            onClick={() =>
                              void saveAttendance(db, meeting.id!, r.entry.memberId, {
                                ballotReturnedOn: today(),
                                status: 'present',
                              })
                            }
                          >
                            今日收回
                          </Button>
                        )}
                      </Flex>
                    ),
                },
                {
                  title: '状态',
                  width: 90,
                  render: (_: unknown, r: Row) =>
                    r.entry.observer ? (
                      <Tag>列席</Tag>
                    ) : r.record?.ballotReturnedOn ? (
                      <Tag color="green">已收回</Tag>
                    ) : (
                      <Tag>未收回</Tag>
                    ),
                },
              ]
            : [
                {
                  title: '签到',
                  width: 230,
                  render: (_: unknown, r: Row) =>
                    r.entry.observer ? (
                      <Tag>列席</Tag>
                    ) : (
                      <Radio.Group
                        aria-label={`签到：${r.entry.name}`}
                        value={r.status === 'unmarked' ? undefined : r.status}
                        onChange={(e) => void mark(r.entry, e.target.value)}
                        options={[
                          { value: 'present', label: '出席' },
                          { value: 'absent', label: '缺席' },
                          { value: 'leave', label: '请假' },
                        ]}
                      />
                    ),
                },
                {
                  title: '状态',
                  width: 80,
                  render: (_: unknown, r: Row) => (
                    <Tag
                      color={
                        r.status === 'present' ? 'green' : r.status === 'unmarked' ? undefined : 'orange'
                      }
                    >
                      {ROLL_STATUS_LABEL[r.status]}
                    </Tag>
                  ),
                },
              ]),
        ]}
      />
    </Flex>
  );
}
