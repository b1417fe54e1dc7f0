import { useMemo, useState } from 'react';
import { Alert, App, Button, Flex, Form, Input, List, Select, Tag, Typography } from 'antd';
import { mustFill, mustChoose } from '../../ui/rules';
import { FormDialog } from '../../ui/FormDialog';
import { useLiveQuery } from 'dexie-react-hooks';
import type { Member, Office } from '../../../../shared/domain/records';
import { OFFICE_LABEL, type OfficeRole } from '../../../../shared/domain/types';
import {
  compareDates,
  isPassedOutcome,
  lastDayInOffice,
  OFFICE_ROLES,
  STANDING_COUNCIL_ROLES,
  standingAbsenceFlags,
  termsEndingWithin,
} from '../../../../shared/charter';
import { db } from '../../db';
import { DateInput } from '../../ui/DateInput';
import { today } from '../../ui/today';
import { addOffice, type NewOffice } from './data';
import { EndOfficeDialog, SEAT_LOST_REASON } from './EndOffice';
import { useCharterSettings } from '../../records/settings';
import { motionRefs, officeTerms, standingAttendance } from '../meetings/logic';
import { defaultTermEnd, electionCheck } from './logic';
import { tierForRole } from '../../../../shared/charter';
import { errorText } from '../../ui/errorText';
import { DeskTable } from '../../ui/DeskTable';

/** Member select with search (name, pinyin, initials, credit code, people: member.searchText). */
export function memberOptions(members: readonly Member[]) {
  return members
    .filter((m) => m.id !== undefined)
    .map((m) => ({ value: m.id!, label: m.name, search: m.searchText || m.name.toLowerCase() }));
}

export function filterMember(input: string, option?: { search?: string; label?: string }): boolean {
  const q = input.trim().toLowerCase();
  return !q || (option?.search ?? option?.label ?? '').toLowerCase().includes(q);
}

function NewOfficeForm(props: { open: boolean; onClose: () => void; members: Member[]; offices: Office[] }) {
  const [form] = Form.useForm<NewOffice>();
  const settings = useCharterSettings();
  const { message, modal } = App.useApp();
  const values = Form.useWatch([], form) as Partial<NewOffice> | undefined;
  const refs = useLiveQuery(async () => {
    const [meetings, attendance, motions, ballots] = await Promise.all([
      db.meetings.toArray(),
      db.attendance.toArray(),
      db.motions.toArray(),
      db.ballots.toArray(),
    ]);
    return motionRefs(meetings, attendance, motions, ballots).filter(
      (r) => r.decision && isPassedOutcome(r.decision.outcome),
    );
  }, []);
  const check = useMemo(() => {
    if (!values?.role || !values.startOn) return null;
    try {
      return electionCheck(
        { role: values.role, memberId: values.memberId, startOn: values.startOn },
        props.offices,
        props.members,
        settings,
      );
    } catch (e) {
      return { errors: [errorText(e)], warnings: [] };
    }
  }, [values?.role, values?.memberId, values?.startOn, props.offices, props.members, settings]);
  const options = useMemo(() => memberOptions(props.members), [props.members]);
  const unitRole = values?.role ? tierForRole(values.role) !== null : true;

  const submit = async () => {
    const v = await form.validateFields();
    if (check && check.errors.length) return;
    const { id: _id, note } = await addOffice(db, { ...v, holderName: v.holderName.trim() });
    message.success('任职已记录');
    if (note) modal.info({ title: '会员级别已调整', content: note });
    form.resetFields();
    props.onClose();
  };

  return (
    <FormDialog
      form={form}
      title="新增任职"
      open={props.open}
      onClose={props.onClose}
      onSave={submit}
      disabled={!!check?.errors.length}
      width={640}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{
          role: 'director',
          startOn: today(),
          endOn: defaultTermEnd(today(), settings.termYears),
        }}
        onValuesChange={(changed: Partial<NewOffice>) => {
          if (changed.startOn)
            form.setFieldValue('endOn', defaultTermEnd(changed.startOn, settings.termYears));
          if (changed.memberId !== undefined) {
            const m = props.members.find((x) => x.id === changed.memberId);
            if (m) form.setFieldValue('holderName', m.representative.name);
          }
        }}
      >
        <Form.Item name="role" label="职务" rules={mustChoose('职务')}>
          <Select options={OFFICE_ROLES.map((r) => ({ value: r, label: OFFICE_LABEL[r] }))} />
        </Form.Item>
        <Form.Item
          name="memberId"
          label="任职单位"
          rules={[{ required: unitRole, message: '理事、常务理事、理事长须选择任职单位' }]}
        >
          <Select
            showSearch
            allowClear
            placeholder="输入单位名称、拼音或信用代码查找"
            options={options}
            filterOption={filterMember}
            optionFilterProp="label"
          />
        </Form.Item>
        <Form.Item name="holderName" label="代表姓名" rules={mustFill('任职人姓名')}>
          <Input />
        </Form.Item>
        <Flex gap={12}>
          <Form.Item
            name="startOn"
            label="任期开始"
            rules={[{ required: true, message: '请填写任期开始日期' }]}
            style={{ flex: 1 }}
          >
            <DateInput />
          </Form.Item>
          <Form.Item
            name="endOn"
            label="任期结束"
            rules={[{ required: true, message: '请填写任期结束日期' }]}
            style={{ flex: 1 }}
          >
            <DateInput />
          </Form.Item>
        </Flex>
        <Form.Item name="motionId" label="选举议案">
          <Select
            allowClear
            showSearch
            optionFilterProp="label"
            placeholder="选择已通过的选举决议"
            options={(refs ?? []).map((r) => ({ value: r.motion.id!, label: r.label }))}
          />
        </Form.Item>
      </Form>
      {check?.errors.map((e) => (
        <Alert key={e} type="error" showIcon message={e} style={{ marginBottom: 6 }} />
      ))}
      {check?.warnings.map((w) => (
        <Alert key={w} type="warning" showIcon message={w} style={{ marginBottom: 6 }} />
      ))}
    </FormDialog>
  );
}

export function Offices() {
  const settings = useCharterSettings();
  const offices = useLiveQuery(() => db.offices.toArray(), []);
  const members = useLiveQuery(() => db.members.toArray(), []);
  const meetings = useLiveQuery(() => db.meetings.where('body').equals('standing').toArray(), []);
  const attendance = useLiveQuery(async () => {
    const ids = (await db.meetings.where('body').equals('standing').primaryKeys()) as number[];
    return ids.length ? db.attendance.where('meetingId').anyOf(ids).toArray() : [];
  }, []);
  const [open, setOpen] = useState(false);
  const [ending, setEnding] = useState<{ offices: Office[]; reason?: string } | null>(null);
  const [role, setRole] = useState<OfficeRole | 'all'>('all');
  const asOf = today();
  const names = useMemo(() => new Map((members ?? []).map((m) => [m.id, m.name])), [members]);

  const flags = useMemo(() => {
    if (!offices || !meetings || !attendance) return null;
    // An office ended early (结束任职) no longer runs to a term end.
    const active = offices.filter((o) => !o.ended);
    const activeTerms = officeTerms(active, settings);
    const ending = termsEndingWithin(activeTerms, asOf, 90, settings).map((e) => {
      const o = active[activeTerms.indexOf(e.term)];
      return {
        key: `end-${o?.id}`,
        text: `${OFFICE_LABEL[e.term.role]} ${o?.memberId ? (names.get(o.memberId) ?? '') : ''} ${o?.holderName ?? ''}：任期至 ${e.endsOn}（还有 ${e.daysLeft} 天）`,
      };
    });
    // R-O6: every term, ended ones included (the engine settles the flag of a seat the clerk has ended).
    const terms = officeTerms(offices, settings);
    const absent = standingAbsenceFlags(standingAttendance(meetings, attendance), terms, asOf, settings).map(
      (f) => ({
        key: `abs-${f.holderId}`,
        text: `${names.get(f.holderId) ?? f.holderId}：${f.message}`,
        // The unit's standing-council seats in office today (常务理事, and 理事长 / 副理事长 if held).
        seats: offices.filter(
          (o, i) =>
            o.memberId === f.holderId &&
            !o.ended &&
            STANDING_COUNCIL_ROLES.includes(o.role) &&
            compareDates(o.startOn, asOf) <= 0 &&
            compareDates(asOf, lastDayInOffice(terms[i]!, settings)) <= 0,
        ),
      }),
    );
    return { ending, absent };
  }, [offices, meetings, attendance, settings, asOf, names]);

  const rows = useMemo(
    () =>
      [...(offices ?? [])]
        .filter((o) => role === 'all' || o.role === role)
        .sort(
          (a, b) =>
            OFFICE_ROLES.indexOf(a.role) - OFFICE_ROLES.indexOf(b.role) || b.startOn.localeCompare(a.startOn),
        ),
    [offices, role],
  );

  const lastDayOf = (o: Office) => {
    const [t] = officeTerms([o], settings);
    return t ? lastDayInOffice(t, settings) : o.endOn;
  };
  /** 结束任职 is offered for offices not ended and not past their term. */
  const canEnd = (o: Office) => !o.ended && compareDates(lastDayOf(o), asOf) >= 0;

  const statusOf = (o: Office) => {
    const last = lastDayOf(o);
    if (o.ended) return <Tag>已结束（{o.ended.on}）</Tag>;
    if (o.startOn > asOf) return <Tag color="blue">未开始</Tag>;
    if (last < asOf) return <Tag>已届满</Tag>;
    return <Tag color="green">在任</Tag>;
  };

  return (
    <Flex vertical gap={12}>
      <Flex gap={12} wrap>
        <div style={{ flex: 1, minWidth: 320 }}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            90 天内届满的任期
          </Typography.Title>
          {/* A scrolling list is reachable by keyboard (axe: scrollable-region-focusable). */}
          <div
            tabIndex={0}
            role="region"
            aria-label="90 天内届满的任期"
            style={{ maxHeight: 220, overflow: 'auto' }}
          >
            <List
              size="small"
              bordered
              dataSource={flags?.ending ?? []}
              locale={{ emptyText: '无' }}
              renderItem={(f) => <List.Item key={f.key}>{f.text}</List.Item>}
            />
          </div>
        </div>
        <div style={{ flex: 1, minWidth: 320 }}>
          <Typography.Title level={5} style={{ marginTop: 0 }}>
            连续两次未出席常务理事会（章程第二十二条）
          </Typography.Title>
          <List
            size="small"
            bordered
            dataSource={flags?.absent ?? []}
            locale={{ emptyText: '无' }}
            renderItem={(f) => (
              <List.Item
                key={f.key}
                actions={
                  f.seats.length
                    ? [
                        <Button
                          key="end"
                          size="small"
                          danger
                          onClick={() => setEnding({ offices: f.seats, reason: SEAT_LOST_REASON })}
                        >
                          结束其席位
                        </Button>,
                      ]
                    : []
                }
              >
                <Typography.Text type="danger">{f.text}</Typography.Text>
              </List.Item>
            )}
          />
        </div>
      </Flex>
      <Flex justify="space-between" align="center">
        <Flex gap={8} align="center">
          <span>职务</span>
          <Select
            aria-label="职务筛选"
            value={role}
            onChange={setRole}
            style={{ width: 140 }}
            options={[
              { value: 'all', label: '全部' },
              ...OFFICE_ROLES.map((r) => ({ value: r, label: OFFICE_LABEL[r] })),
            ]}
          />
        </Flex>
        <Button type="primary" onClick={() => setOpen(true)}>
          新增任职
        </Button>
      </Flex>
      <DeskTable<Office>
        label="任职列表"
        rowKey="id"
        rows={offices === undefined ? undefined : rows}
        perPage={20}
        columns={[
          { title: '职务', width: 90, render: (_, o) => OFFICE_LABEL[o.role] },
          { title: '任职单位', render: (_, o) => (o.memberId ? (names.get(o.memberId) ?? o.memberId) : '—') },
          { title: '代表 / 姓名', width: 110, dataIndex: 'holderName' },
          { title: '任期开始', width: 110, dataIndex: 'startOn' },
          { title: '任期结束', width: 110, dataIndex: 'endOn' },
          { title: '状态', width: 130, render: (_, o) => statusOf(o) },
          { title: '选举议案', width: 90, render: (_, o) => (o.motionId ? `#${o.motionId}` : '—') },
          {
            title: '操作',
            width: 100,
            render: (_, o) =>
              canEnd(o) ? (
                <Button size="small" type="link" onClick={() => setEnding({ offices: [o] })}>
                  结束任职
                </Button>
              ) : null,
          },
        ]}
      />
      {ending ? (
        <EndOfficeDialog
          offices={ending.offices}
          reason={ending.reason}
          names={names}
          onClose={() => setEnding(null)}
        />
      ) : null}
      {open && offices && members ? (
        <NewOfficeForm open={open} onClose={() => setOpen(false)} members={members} offices={offices} />
      ) : null}
    </Flex>
  );
}
