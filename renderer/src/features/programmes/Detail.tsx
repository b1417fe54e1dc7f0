import { useMemo, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Checkbox,
  Descriptions,
  Drawer,
  Empty,
  Flex,
  Form,
  Input,
  List,
  Modal,
  Progress,
  Select,
  Space,
  Statistic,
  Tag,
  Typography,
} from 'antd';
import type { TableColumnsType } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { readSunshineFormOffThread } from '../../io/docxForm';
import { receivedFormValues } from '../../../../shared/documents/sunshineRead';
import { SUNSHINE_FORM_FIELDS } from '../../../../shared/documents/sunshineFields';
import { daysBetween } from '../../../../shared/charter';
import { Link, useNavigate, useParams } from 'react-router';
import type { Enrolment, Member, Programme, ReceiptKey } from '../../../../shared/domain/records';
import { MEMBER_STATUS_LABEL } from '../../../../shared/domain/types';
import { matchesSearch, normalizeQuery } from '../../../../shared/search/memberSearch';
import { Page } from '../../ui/Page';
import { useReasonDialog } from '../../ui/ReasonDialog';
import { useRun } from '../../ui/useRun';
import { DateInput } from '../../ui/DateInput';
import { useExportFile } from '../../ui/exportFile';
import { today } from '../../ui/today';
import { db } from '../../db';
import { desk } from '../../platform';
import {
  attachReceivedFile,
  enrolMembers,
  issueCertificates,
  reviewEnrolment,
  saveForm,
  setReceipt,
  withdrawEnrolment,
} from './data';
import { ProgrammeFormModal } from './ProgrammeForm';
import {
  ENROLMENT_STATUS_LABEL,
  MAX_RECEIPT_BYTES,
  RECEIPTS,
  checkEnrolment,
  closedCallRefusal,
  daysLeftLabel,
  deadlineLabel,
  leftButEnrolled,
  mergedForm,
  missingBeforeDeadline,
  overview,
} from './logic';
import {
  applicationFormDocx,
  applicationFormsZip,
  certificateInputs,
  certificatesDocx,
  certificatesZip,
} from './word';
import { errorText } from '../../ui/errorText';
import { useConfirmDiscard, useFollowStored, useUnsavedForm } from '../../ui/unsaved';
import { StoredChangedNotice } from '../../ui/StoredChangedNotice';
import { documentOptionsFromSettings } from '../settings/documentSettings';
import { DeskTable } from '../../ui/DeskTable';

const STATUS_COLOR: Record<Enrolment['status'], string> = {
  invited: 'default',
  applied: 'blue',
  returned: 'orange',
  approved: 'green',
  withdrawn: 'red',
};

interface ProgressState {
  title: string;
  done: number;
  total: number;
}

/** 申请材料与申请表 of one applicant (R-P2): receipts with dates, received files, the form's content. */
function EnrolmentDrawer(props: {
  enrolment: Enrolment;
  member: Member;
  programme: Programme;
  onClose: () => void;
}) {
  const { enrolment: e, member: m } = props;
  const { message } = App.useApp();
  const exportFile = useExportFile();
  const [form] = Form.useForm<Record<string, string>>();
  const files = useLiveQuery(
    () =>
      db.files
        .where('[ownerType+ownerId]')
        .equals(['enrolment', e.id as number])
        .toArray(),
    [e.id],
  );
  const initial = useMemo(() => {
    const v = mergedForm(m, e.form);
    return Object.fromEntries(SUNSHINE_FORM_FIELDS.map((f) => [f.key, v[f.key] ?? '']));
  }, [m, e.form]);
  const readOnly = e.status === 'withdrawn';
  const unsaved = useUnsavedForm(form, `${m.name}的申请表内容`, { initial, enabled: !readOnly });
  const followed = useFollowStored(form, initial);
  const confirmDiscard = useConfirmDiscard();

  const upload = async (key: ReceiptKey, ext: 'docx' | 'pdf') => {
    try {
      const f = await desk.openFile({
        title: '选择收到的文件',
        filters: [{ name: ext === 'pdf' ? 'PDF 文件' : 'Word 文档', extensions: [ext] }],
        maxBytes: MAX_RECEIPT_BYTES,
      });
      if (!f) return;
      const { duplicateOf } = await attachReceivedFile(
        db,
        e.id as number,
        key,
        f,
        e.receipts[key] ?? today(),
      );
      if (duplicateOf)
        message.info(
          `这个文件与 ${duplicateOf.receivedOn} 收到的「${duplicateOf.name}」内容相同，已保存过，未重复保存`,
        );
      else message.success(`已保存：${f.name}`);
      if (key === 'formWord') {
        let read: Awaited<ReturnType<typeof readSunshineFormOffThread>>;
        try {
          read = await readSunshineFormOffThread(f.bytes);
        } catch (err) {
          message.warning(`文件已保存，但无法从中读取申请表内容：${errorText(err)}`);
          return;
        }
        const { values, changed } = receivedFormValues(read, form.getFieldsValue(true));
        const count = Object.keys(values).length;
        if (count === 0) message.info('未从这个 Word 文件中读到申请表内容，请对照文件手工填写');
        else if (changed.length === 0) message.info(`已从 Word 申请表读取 ${count} 项，与现有内容相同`);
        else {
          form.setFieldsValue(values);
          const names = SUNSHINE_FORM_FIELDS.filter((x) => changed.includes(x.key)).map((x) => x.label);
          message.info(
            `已从 Word 申请表读取 ${count} 项，其中 ${changed.length} 项与现有内容不同（${names.join('、')}），请核对后保存申请表`,
          );
        }
      }
    } catch (err) {
      message.error(
        err instanceof Error
          ? err.message.replace(/^所选文件过大$/, '文件过大，不能超过 20 MB')
          : String(err),
      );
    }
  };

  return (
    <Drawer
      open
      title={`${m.name} — 申请材料`}
      size="large"
      width={720}
      onClose={() => confirmDiscard(unsaved.isDirty(), props.onClose)}
    >
      <Typography.Title level={2} style={{ fontSize: 16 }}>
        收到的材料（四项分别登记）
      </Typography.Title>
      <List
        bordered
        dataSource={[...RECEIPTS]}
        renderItem={(r) => {
          const date = e.receipts[r.key];
          const own = (files ?? []).filter((f) => f.kind === r.key);
          return (
            <List.Item>
              <Flex vertical gap={6} style={{ width: '100%' }}>
                <Flex gap={12} align="center" wrap>
                  <Checkbox
                    checked={!!date}
                    disabled={readOnly}
                    onChange={(ev) =>
                      void setReceipt(db, e.id as number, r.key, ev.target.checked ? today() : undefined)
                    }
                  >
                    {r.label}（{r.how}）
                  </Checkbox>
                  <div style={{ width: 160 }}>
                    <DateInput
                      aria-label={`${r.label}收到日期`}
                      value={date ?? null}
                      disabled={readOnly}
                      onChange={(d) => void setReceipt(db, e.id as number, r.key, d)}
                    />
                  </div>
                  {r.fileType && (
                    <Button
                      size="small"
                      disabled={readOnly}
                      onClick={() => void upload(r.key, r.fileType as 'docx' | 'pdf')}
                    >
                      上传{r.fileType === 'pdf' ? ' PDF' : ' Word'} 文件
                    </Button>
                  )}
                </Flex>
                {own.map((f) => (
                  <Flex key={f.id} gap={8} align="center" style={{ paddingLeft: 24 }}>
                    <Typography.Text>{f.name}</Typography.Text>
                    <Typography.Text type="secondary">
                      {(f.size / 1024).toFixed(0)} KB · {f.receivedOn}
                    </Typography.Text>
                    <Button
                      size="small"
                      type="link"
                      onClick={async () => {
                        const ext = r.fileType === 'pdf' ? 'pdf' : 'docx';
                        const res = await desk.saveFile({
                          suggestedName: f.name,
                          bytes: new Uint8Array(await f.data.arrayBuffer()),
                          kind: ext,
                        });
                        if (res.saved) message.success('已保存');
                      }}
                    >
                      另存
                    </Button>
                  </Flex>
                ))}
              </Flex>
            </List.Item>
          );
        }}
      />
      <Typography.Title level={2} style={{ fontSize: 16, marginTop: 24 }}>
        申请表内容
      </Typography.Title>
      <Typography.Paragraph type="secondary">
        未填写的项目使用会员档案中的信息；上传 Word 申请表时自动读取表格中的内容。
      </Typography.Paragraph>
      <StoredChangedNotice
        what="申请表内容"
        conflicts={followed.conflicts}
        label={(path) => SUNSHINE_FORM_FIELDS.find((f) => f.key === path[0])?.label ?? path.join('.')}
        onTakeStored={followed.takeStored}
      />
      <Form form={form} layout="vertical" initialValues={initial} disabled={readOnly}>
        {SUNSHINE_FORM_FIELDS.map((f) => (
          <Form.Item key={f.key} label={f.label} name={f.key}>
            {f.multiline ? <Input.TextArea rows={2} autoSize={{ minRows: 2, maxRows: 6 }} /> : <Input />}
          </Form.Item>
        ))}
      </Form>
      <Space>
        <Button
          type="primary"
          disabled={readOnly}
          onClick={async () => {
            const v = form.getFieldsValue(true) as Record<string, string>;
            const clean = Object.fromEntries(Object.entries(v).map(([k, x]) => [k, (x ?? '').trim()]));
            await unsaved.saving(() => saveForm(db, e.id as number, clean));
            // A field saved empty shows (and exports) the member file's value: shown at once, so the
            // stored form arriving next is the clerk's own, not named as another workstation's change.
            const shown = mergedForm(m, clean);
            for (const f of SUNSHINE_FORM_FIELDS)
              if (clean[f.key] === '') form.setFieldValue(f.key, shown[f.key] ?? '');
            message.success('申请表已保存');
          }}
        >
          保存申请表
        </Button>
        <Button
          onClick={async () => {
            const f = await applicationFormDocx(
              m,
              form.getFieldsValue(true) as Record<string, string>,
              await documentOptionsFromSettings(),
            );
            await exportFile(f.name, f.bytes);
          }}
        >
          导出申请表
        </Button>
      </Space>
    </Drawer>
  );
}

/** A programme: its call, enrolments with their four receipts, review, certificates, overview (R-P1..R-P3). */
export function ProgrammeDetail() {
  const id = Number(useParams().id);
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const exportFile = useExportFile();
  const programme = useLiveQuery(() => db.programmes.get(id), [id]);
  const enrolments = useLiveQuery(() => db.enrolments.where('programmeId').equals(id).toArray(), [id]);
  const members = useLiveQuery(() => db.members.toArray(), []);
  const certificates = useLiveQuery(() => db.certificates.where('programmeId').equals(id).toArray(), [id]);
  const notice = useLiveQuery(
    async () =>
      programme?.callNoticeDocId !== undefined ? db.documents.get(programme.callNoticeDocId) : undefined,
    [programme?.callNoticeDocId],
  );
  const [query, setQuery] = useState('');
  const [picked, setPicked] = useState<number[]>([]);
  const [editing, setEditing] = useState(false);
  const [drawerFor, setDrawerFor] = useState<number | null>(null);
  const [progress, setProgress] = useState<ProgressState | null>(null);
  const reasons = useReasonDialog();
  const { run: act } = useRun();
  const asOf = today();

  const byId = useMemo(() => new Map((members ?? []).map((m) => [m.id as number, m])), [members]);
  const options = useMemo(() => {
    const q = normalizeQuery(query);
    if (q === '') return [];
    return (members ?? [])
      .filter((m) => matchesSearch(m.searchText, q))
      .slice(0, 50)
      .map((m) => ({ value: m.id as number, label: `${m.name}（${MEMBER_STATUS_LABEL[m.status]}）` }));
  }, [members, query]);

  if (programme === undefined || enrolments === undefined || members === undefined)
    return <Page title="专项行动">{null}</Page>;
  if (programme === null) return <Page title="专项行动">找不到该专项行动。</Page>;
  const p = programme;

  const rows = [...enrolments].sort((a, b) =>
    (byId.get(a.memberId)?.name ?? '').localeCompare(byId.get(b.memberId)?.name ?? '', 'zh'),
  );
  const stats = overview(enrolments);
  const missing = missingBeforeDeadline(enrolments, p.deadline, asOf);
  const closed = closedCallRefusal(p.deadline, asOf);
  const left = leftButEnrolled(enrolments, (mid) => byId.get(mid)?.status);
  const certById = new Map((certificates ?? []).map((c) => [c.id as number, c]));
  const drawerEnrolment = rows.find((e) => e.id === drawerFor);
  const drawerMember = drawerEnrolment ? byId.get(drawerEnrolment.memberId) : undefined;

  const enrol = async (status: 'invited' | 'applied') => {
    if (picked.length === 0) {
      message.warning('请先选择会员单位');
      return;
    }
    try {
      const r = await enrolMembers(db, id, picked, status, asOf);
      if (r.refused.length > 0) {
        modal.warning({
          title: '以下单位不能参加（仅面向联盟会员单位）',
          content: r.refused.map((x) => <div key={x}>{x}</div>),
          okText: '知道了',
        });
      }
      if (r.added > 0) message.success(`已${status === 'invited' ? '邀请' : '登记申请'} ${r.added} 家`);
      setPicked([]);
      setQuery('');
    } catch (e) {
      message.error(errorText(e));
    }
  };

  const exportForms = async () => {
    const list = rows.filter(
      (e) => e.status === 'invited' || e.status === 'applied' || e.status === 'returned',
    );
    if (list.length === 0) {
      message.warning('没有待填写申请表的成员单位');
      return;
    }
    const title = '正在生成预填的申请表';
    setProgress({ title, done: 0, total: list.length });
    try {
      const f = await applicationFormsZip(
        p,
        list,
        (mid) => byId.get(mid),
        await documentOptionsFromSettings(),
        (done, total) => setProgress({ title, done, total }),
      );
      await exportFile(f.name, f.bytes, 'zip');
    } finally {
      setProgress(null);
    }
  };

  const exportCertificates = async (each: boolean) => {
    const list = certificateInputs(p, certificates ?? [], (mid) => byId.get(mid));
    if (list.length === 0) {
      message.warning('尚未颁发证书');
      return;
    }
    const title = '正在生成成员单位证书';
    setProgress({ title, done: 0, total: list.length });
    try {
      if (!each) {
        const f = await certificatesDocx(p, list, await documentOptionsFromSettings());
        setProgress({ title, done: list.length, total: list.length });
        await exportFile(f.name, f.bytes);
      } else {
        const f = await certificatesZip(p, list, await documentOptionsFromSettings(), (done, total) =>
          setProgress({ title, done, total }),
        );
        await exportFile(f.name, f.bytes, 'zip');
      }
    } finally {
      setProgress(null);
    }
  };

  const receiptColumns: TableColumnsType<Enrolment> = RECEIPTS.map((r) => ({
    key: r.key,
    title: r.label,
    width: 120,
    render: (_: unknown, e: Enrolment) => {
      const name = byId.get(e.memberId)?.name ?? '';
      const date = e.receipts[r.key];
      return (
        <Flex vertical>
          <Checkbox
            aria-label={`${name} ${r.label}`}
            checked={!!date}
            disabled={e.status === 'withdrawn'}
            onChange={(ev) =>
              void act(() => setReceipt(db, e.id as number, r.key, ev.target.checked ? asOf : undefined))
            }
          >
            {date ? '已收' : '未收'}
          </Checkbox>
          {date && (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {date}
            </Typography.Text>
          )}
        </Flex>
      );
    },
  }));

  const columns: TableColumnsType<Enrolment> = [
    {
      key: 'member',
      title: '会员单位',
      render: (_, e) => {
        const m = byId.get(e.memberId);
        return (
          <Flex vertical>
            <Link to={`/members/${e.memberId}`}>{m?.name ?? `#${e.memberId}`}</Link>
            {m && (
              <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                {MEMBER_STATUS_LABEL[m.status]}
              </Typography.Text>
            )}
          </Flex>
        );
      },
    },
    {
      key: 'status',
      title: '状态',
      width: 110,
      render: (_, e) => {
        const c = e.certificateId !== undefined ? certById.get(e.certificateId) : undefined;
        return (
          <Flex vertical gap={2}>
            <Tag color={STATUS_COLOR[e.status]}>{ENROLMENT_STATUS_LABEL[e.status]}</Tag>
            {c && (
              <Typography.Text style={{ fontSize: 12 }} delete={c.status === 'returned'}>
                {c.certificateNo}
                {c.status === 'returned' ? '（已退回）' : ''}
              </Typography.Text>
            )}
            {e.review?.decision === 'returned' && e.status === 'returned' && (
              <Typography.Text type="warning" style={{ fontSize: 12 }}>
                {e.review.reason}
              </Typography.Text>
            )}
          </Flex>
        );
      },
    },
    ...receiptColumns,
    {
      key: 'op',
      title: '操作',
      width: 300,
      render: (_, e) => {
        const m = byId.get(e.memberId);
        const name = m?.name ?? '';
        const check = m ? checkEnrolment(e, m.status, p.deadline, asOf) : undefined;
        const open = e.status !== 'withdrawn';
        return (
          <Flex gap={4} wrap>
            <Button size="small" aria-label={`${name} 申请材料`} onClick={() => setDrawerFor(e.id as number)}>
              材料
            </Button>
            {open && m && (
              <Button
                size="small"
                aria-label={`${name} 导出申请表`}
                onClick={() =>
                  void act(async () => {
                    const f = await applicationFormDocx(m, e.form, await documentOptionsFromSettings());
                    await exportFile(f.name, f.bytes);
                  })
                }
              >
                导出申请表
              </Button>
            )}
            {open && e.status !== 'approved' && (
              <Button
                size="small"
                type="primary"
                aria-label={`${name} 通过`}
                title={check && !check.readyForReview ? check.messages.join('；') : undefined}
                onClick={() =>
                  void act(() => reviewEnrolment(db, e.id as number, 'approved', asOf), `已通过：${name}`)
                }
              >
                通过
              </Button>
            )}
            {open && e.status !== 'approved' && e.status !== 'returned' && (
              <Button
                size="small"
                aria-label={`${name} 退回补充`}
                onClick={() =>
                  reasons.ask(`退回补充：${name}`, '退回原因', (r) =>
                    reviewEnrolment(db, e.id as number, 'returned', asOf, r),
                  )
                }
              >
                退回补充
              </Button>
            )}
            {open && (
              <Button
                size="small"
                danger
                aria-label={`${name} 撤销成员资格`}
                onClick={() =>
                  reasons.ask(`撤销成员资格：${name}`, '撤销原因', (r) =>
                    withdrawEnrolment(db, e.id as number, r, asOf),
                  )
                }
              >
                撤销
              </Button>
            )}
          </Flex>
        );
      },
    },
  ];

  const pendingCerts = enrolments.filter(
    (e) => e.status === 'approved' && e.certificateId === undefined,
  ).length;
  return (
    <Page
      title={p.name}
      extra={
        <>
          <Button onClick={() => navigate('/programmes')}>返回列表</Button>
          <Button onClick={() => setEditing(true)}>编辑</Button>
        </>
      }
    >
      {reasons.dialog}
      <ProgrammeFormModal open={editing} programme={p} onClose={() => setEditing(false)} />
      <Modal open={progress !== null} title={progress?.title} footer={null} closable={false}>
        <Progress
          aria-label="导出进度"
          percent={progress && progress.total > 0 ? Math.round((progress.done / progress.total) * 100) : 0}
          format={() => `${progress?.done ?? 0} / ${progress?.total ?? 0}`}
        />
      </Modal>
      {drawerEnrolment && drawerMember && (
        <EnrolmentDrawer
          enrolment={drawerEnrolment}
          member={drawerMember}
          programme={p}
          onClose={() => setDrawerFor(null)}
        />
      )}
      <Flex vertical gap={20}>
        <Descriptions size="small" bordered column={2}>
          <Descriptions.Item label="征集年度">{p.callYear} 年</Descriptions.Item>
          <Descriptions.Item label="截止日期">
            {deadlineLabel(p.deadline)}（{daysLeftLabel(daysBetween(asOf, p.deadline))}）
          </Descriptions.Item>
          <Descriptions.Item label="征集通知">
            {notice ? (
              <Link
                to={`/documents/${notice.id}`}
              >{`${notice.docNumber ?? '（草稿）'} ${notice.title}`}</Link>
            ) : (
              '—'
            )}
          </Descriptions.Item>
          <Descriptions.Item label="证书编号前缀">
            {p.certificatePrefix}（例如 {p.certificatePrefix}-{p.callYear}-001）
          </Descriptions.Item>
          <Descriptions.Item label="简介" span={2}>
            {p.description || '—'}
          </Descriptions.Item>
        </Descriptions>

        <section aria-label="概况">
          <Flex gap={32} wrap>
            <Statistic title="邀请/登记" value={stats.invited} />
            <Statistic title="已申请" value={stats.applied} />
            <Statistic title="材料齐全" value={stats.complete} />
            <Statistic title="审核通过" value={stats.approved} />
            <Statistic title="已发证书" value={stats.certificates} />
          </Flex>
        </section>

        {left.map((e) => {
          const m = byId.get(e.memberId);
          return (
            <Alert
              key={e.id}
              type="error"
              showIcon
              message={`${m?.name ?? ''} 已${m ? MEMBER_STATUS_LABEL[m.status] : '离开联盟'}，但仍在本专项行动中：应撤销成员资格并退回证书`}
              action={
                <Button
                  size="small"
                  danger
                  onClick={() =>
                    void act(
                      () =>
                        withdrawEnrolment(
                          db,
                          e.id as number,
                          `已${m ? MEMBER_STATUS_LABEL[m.status] : '离开联盟'}`,
                          asOf,
                        ),
                      '已撤销成员资格',
                    )
                  }
                >
                  一键撤销
                </Button>
              }
            />
          );
        })}

        <section aria-label="邀请或登记申请">
          <Flex gap={8} align="center" wrap>
            <Select
              mode="multiple"
              aria-label="会员单位"
              placeholder="输入单位名称、拼音首字母或信用代码搜索"
              style={{ minWidth: 420, flex: 1 }}
              showSearch={{ filterOption: false, onSearch: setQuery, searchValue: query }}
              value={picked}
              onChange={(v: number[]) => setPicked(v)}
              options={options}
              notFoundContent={query ? '没有匹配的会员单位' : '请输入关键字'}
            />
            <Button disabled={closed !== null} onClick={() => void enrol('invited')}>
              邀请
            </Button>
            <Button disabled={closed !== null} onClick={() => void enrol('applied')}>
              登记申请
            </Button>
          </Flex>
          {closed && <Alert type="warning" showIcon role="alert" message={closed} style={{ marginTop: 8 }} />}
        </section>

        <Flex gap={8} wrap>
          <Button onClick={() => void exportForms()}>批量导出预填申请表</Button>
          <Button
            type="primary"
            disabled={pendingCerts === 0}
            onClick={() =>
              void act(async () => {
                const { certificates: list, docNumber } = await issueCertificates(db, id, asOf);
                message.success(
                  `已颁发 ${list.length} 份证书：${list.map((c) => c.certificateNo).join('、')}${docNumber ? `；已登记发文 ${docNumber}` : ''}`,
                );
              })
            }
          >
            颁发证书{pendingCerts > 0 ? `（${pendingCerts}）` : ''}
          </Button>
          <Button onClick={() => void exportCertificates(false)}>导出证书（合并为一个 Word 文件）</Button>
          <Button onClick={() => void exportCertificates(true)}>导出证书（每家一个文件）</Button>
        </Flex>

        <DeskTable<Enrolment>
          label="成员单位"
          rowKey="id"
          columns={columns}
          rows={rows}
          perPage={50}
          empty={<Empty description="尚未邀请或登记成员单位" />}
          scroll={{ x: 1100 }}
        />

        <section aria-label="截止前缺少的材料">
          <Typography.Title level={2} style={{ fontSize: 16 }}>
            截止前缺少的材料
          </Typography.Title>
          {missing.length === 0 ? (
            <Typography.Text type="secondary">没有缺少材料的单位。</Typography.Text>
          ) : (
            <List
              size="small"
              bordered
              dataSource={missing}
              renderItem={(r) => (
                <List.Item>
                  <Flex gap={12} wrap>
                    <Typography.Text strong>{byId.get(r.memberId)?.name}</Typography.Text>
                    <Typography.Text>缺：{r.missing.join('、')}</Typography.Text>
                    <Typography.Text
                      type={r.daysLeft < 0 ? 'danger' : r.daysLeft <= 7 ? 'warning' : 'secondary'}
                    >
                      {daysLeftLabel(r.daysLeft)}
                    </Typography.Text>
                  </Flex>
                </List.Item>
              )}
            />
          )}
        </section>
      </Flex>
    </Page>
  );
}
