import { useMemo } from 'react';
import { Flex, Table, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { BODY_LABEL } from '../../../../shared/domain/types';
import { COMPLIANCE_STATUS_LABEL } from '../../../../shared/charter';
import { db } from '../../db';
import { today } from '../../ui/today';
import { complianceOf, quorumOf, type BodyCompliance } from './logic';

const REQUIRED = { assembly: '每年至少一次', council: '每年至少一次', standing: '每半年至少一次' } as const;
// The charter's articles as the clerk knows them (R-O2, R-O4, R-O6).
const RULE = { assembly: '章程第十六条', council: '章程第二十条', standing: '章程第二十二条' } as const;

/** 合规: per body, the last meeting, meetings this year / half year, and the charter's frequency (engine). */
export function Compliance() {
  const meetings = useLiveQuery(() => db.meetings.toArray(), []);
  const attendance = useLiveQuery(() => db.attendance.toArray(), []);
  const asOf = today();
  const rows = useMemo(() => {
    if (!meetings || !attendance) return [];
    const by = new Map<number, typeof attendance>();
    for (const a of attendance) by.set(a.meetingId, [...(by.get(a.meetingId) ?? []), a]);
    return complianceOf(
      meetings.map((m) => ({
        body: m.body,
        date: m.date,
        quorate: quorumOf(m, by.get(m.id!) ?? []).quorate,
      })),
      asOf,
    );
  }, [meetings, attendance, asOf]);
  const color = (s?: string) => (s === 'met' ? 'green' : s === 'missed' ? 'red' : 'gold');
  return (
    <Flex vertical gap={12}>
      <Typography.Text type="secondary">截至 {asOf}。未达法定人数的会议不计入召开次数。</Typography.Text>
      <Table<BodyCompliance>
        size="small"
        rowKey="body"
        pagination={false}
        dataSource={rows}
        loading={meetings === undefined}
        columns={[
          { title: '机构', width: 110, render: (_, r) => BODY_LABEL[r.body] },
          { title: '章程要求', width: 190, render: (_, r) => `${REQUIRED[r.body]}（${RULE[r.body]}）` },
          { title: '最近一次会议', width: 120, render: (_, r) => r.lastMeeting ?? '—' },
          { title: '本年召开', width: 90, render: (_, r) => r.thisYear },
          { title: '本半年召开', width: 100, render: (_, r) => r.thisHalf },
          {
            title: '本期',
            render: (_, r) =>
              r.current ? (
                <Flex gap={6} align="center" wrap>
                  <Tag color={color(r.current.status)}>{COMPLIANCE_STATUS_LABEL[r.current.status]}</Tag>
                  <span>{r.current.message}</span>
                </Flex>
              ) : (
                '—'
              ),
          },
          {
            title: '以往未按期召开',
            render: (_, r) =>
              r.missed.length ? (
                <Typography.Text type="danger">{r.missed.map((p) => p.label).join('、')}</Typography.Text>
              ) : (
                '无'
              ),
          },
        ]}
      />
    </Flex>
  );
}
