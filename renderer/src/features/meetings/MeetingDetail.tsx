import { memo, useMemo, useState } from 'react';
import { Button, Descriptions, Flex, Result, Spin, Tabs } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useNavigate, useParams } from 'react-router';
import { flushPendingWrites } from '../../platform';
import { BODY_LABEL, MEETING_FORM_LABEL } from '../../../../shared/domain/types';
import { db } from '../../db';
import { Page } from '../../ui/Page';
import { useExportFile } from '../../ui/exportFile';
import { quorumOf } from './logic';
import { Minutes } from './Minutes';
import { AttendanceFeed, AttendanceStore, useAttendance, useAttendanceLoaded } from './hooks';
import {
  buildBallotsDocx,
  buildMinutesDocx,
  buildSignInDocx,
  buildTallyDocx,
  meetingNoticeDraft,
  type MeetingRecord,
} from './word';
import { draftMeetingNotice, loadMeetingRecord } from './data';
import { LiveQuorumBar, RollCall } from './RollCall';
import { EditMeetingForm } from './EditMeeting';
import { meetingWorkbook } from '../../io/export';
import { useRunKeyed } from '../../ui/useRun';
import { fileNamePart } from '../../../../shared/data/fileName';
import { documentOptionsFromSettings } from '../settings/documentSettings';
import type { ExportOptions } from '../settings/exportOptions';
import type { Meeting } from '../../../../shared/domain/records';

const PAPERS: {
  button: string;
  suffix: string;
  build: (r: MeetingRecord, options: ExportOptions) => Promise<Uint8Array>;
}[] = [
  { button: '导出会议纪要', suffix: '纪要', build: buildMinutesDocx },
  { button: '导出签到表', suffix: '签到表', build: buildSignInDocx },
  { button: '导出表决票', suffix: '表决票', build: buildBallotsDocx },
  { button: '导出计票表', suffix: '计票表', build: buildTallyDocx },
];

export function MeetingDetail() {
  const { id } = useParams();
  const meetingId = Number(id);
  const meeting = useLiveQuery(async () => (await db.meetings.get(meetingId)) ?? null, [meetingId]);
  // The live attendance is read by AttendanceFeed (a leaf below) into a store that only the quorum bar, the
  // roll call and the minutes tab subscribe to, with the roll call's marks not yet stored (hooks.ts): a
  // mark, and the live delivery after it, do not re-render this page.
  const [store] = useState(() => new AttendanceStore());
  const attendanceLoaded = useAttendanceLoaded(store);
  // The meeting's notice in the 发文 register (R-W1), unless it was voided.
  const notice = useLiveQuery(async () => {
    const docId = meeting?.noticeDocId;
    const d = docId !== undefined ? await db.documents.get(docId) : undefined;
    return d && d.status !== 'void' ? d : null;
  }, [meeting?.noticeDocId]);
  const exportFile = useExportFile();
  const { running: busy, run } = useRunKeyed<string>();
  const [tab, setTab] = useState('rollcall');
  const [editing, setEditing] = useState(false);
  const navigate = useNavigate();

  const feed = <AttendanceFeed key={meetingId} meetingId={meetingId} store={store} />;
  if (meeting === undefined)
    return (
      <>
        {feed}
        <Spin />
      </>
    );
  if (meeting === null)
    return (
      <Page title="会议">
        <Result status="404" title="未找到该会议" extra={<Link to="/meetings">返回会议列表</Link>} />
      </Page>
    );

  const exportPaper = (p: (typeof PAPERS)[number]) =>
    run(
      p.button,
      async () => {
        // Flush typing first so the papers carry every word (the autosave is ≤ 400 ms behind).
        await flushPendingWrites();
        const record = await loadMeetingRecord(db, meetingId);
        const bytes = await p.build(record, await documentOptionsFromSettings());
        await exportFile(`${fileNamePart(meeting.name)}${p.suffix}.docx`, bytes);
      },
      undefined,
      '导出失败',
    );

  return (
    <Page
      title={meeting.name}
      ready={attendanceLoaded && notice !== undefined}
      extra={
        <>
          <Button onClick={() => navigate('/meetings')}>返回会议列表</Button>
          <Button onClick={() => setEditing(true)}>编辑会议信息</Button>
          <Button
            loading={busy === 'notice'}
            onClick={async () => {
              if (notice) {
                navigate(`/documents/${notice.id}`);
                return;
              }
              await run(
                'notice',
                async () => {
                  await flushPendingWrites();
                  const docId = await draftMeetingNotice(
                    db,
                    meetingId,
                    meetingNoticeDraft(await loadMeetingRecord(db, meetingId)),
                  );
                  navigate(`/documents/${docId}`);
                },
                undefined,
                '起草失败',
              );
            }}
          >
            {notice ? `会议通知 ${notice.docNumber ?? '（草稿）'}` : '起草会议通知'}
          </Button>
          {PAPERS.map((p) => (
            <Button key={p.button} loading={busy === p.button} onClick={() => void exportPaper(p)}>
              {p.button}
            </Button>
          ))}
          <Button
            loading={busy === 'xlsx'}
            onClick={() =>
              void run(
                'xlsx',
                async () => {
                  await flushPendingWrites();
                  const book = await meetingWorkbook(db, meetingId);
                  await exportFile(book.name, book.bytes, 'xlsx');
                },
                undefined,
                '导出失败',
              )
            }
          >
            导出出席与表决（Excel）
          </Button>
        </>
      }
    >
      {feed}
      <Flex vertical gap={12}>
        <Descriptions
          size="small"
          column={4}
          items={[
            { key: 'body', label: '会议类型', children: BODY_LABEL[meeting.body] },
            { key: 'form', label: '会议形式', children: MEETING_FORM_LABEL[meeting.form] },
            { key: 'date', label: '日期', children: meeting.date },
            { key: 'place', label: '地点', children: meeting.place || '—' },
            { key: 'chair', label: '主持人', children: meeting.chair || '—' },
            { key: 'recorder', label: '记录人', children: meeting.recorder || '—' },
          ]}
        />
        <div style={{ position: 'sticky', top: 0, zIndex: 5 }}>
          <LiveQuorumBar meeting={meeting} store={store} remote={meeting.form === 'remote'} />
        </div>
        <Tabs
          activeKey={tab}
          onChange={setTab}
          items={[
            {
              key: 'rollcall',
              label: meeting.form === 'remote' ? '表决票收发' : '签到',
              children: <RollCall meeting={meeting} store={store} />,
            },
            {
              key: 'minutes',
              label: '会议纪要',
              children: <MinutesTab meeting={meeting} store={store} />,
            },
          ]}
        />
      </Flex>
      {editing ? <EditMeetingForm meeting={meeting} onClose={() => setEditing(false)} /> : null}
    </Page>
  );
}

/** 会议纪要 with the quorum of the stored attendance (the minutes state who attended). */
const MinutesTab = memo(function MinutesTab(props: { meeting: Meeting; store: AttendanceStore }) {
  const { meeting } = props;
  const live = useAttendance(props.store)?.live;
  const quorum = useMemo(() => quorumOf(meeting, live ?? []), [meeting, live]);
  return <Minutes meeting={meeting} quorum={quorum} />;
});
