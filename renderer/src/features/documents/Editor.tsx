import { useEffect, useMemo, useRef, useState } from 'react';
import type { ClipboardEvent } from 'react';
import { App, Alert, Button, Col, Flex, Form, Input, Row, Select, Space, Tag, Typography } from 'antd';
import { mustFill, mustChoose } from '../../ui/rules';
import { useLiveQuery } from 'dexie-react-hooks';
import { Link, useLocation, useNavigate, useParams } from 'react-router';
import type { DocType, OutgoingDocument } from '../../../../shared/domain/records';
import { Page } from '../../ui/Page';
import { DateInput } from '../../ui/DateInput';
import { useExportFile } from '../../ui/exportFile';
import { useReasonDialog } from '../../ui/ReasonDialog';
import { errorText } from '../../ui/errorText';
import { today } from '../../ui/today';
import { readCharterSettings } from '../../records/settings';
import { db } from '../../db';
import {
  draftFieldsOf,
  finalizeDocument,
  recordExport,
  voidDocument,
  type DraftFields,
} from '../../records/register';
import { isIsoDate } from '../../../../shared/charter/dates';
import { useDraftAutosave } from './draftAutosave';
import { registerUnsaved } from '../../platform/unsaved';
import { ConflictMark, useConflicted } from '../../sync/ConflictMark';
import { useFollowStored } from '../../ui/unsaved';
import { StoredChangedNotice } from '../../ui/StoredChangedNotice';
import { fieldLabel } from '../../../../shared/data/auditView';
import { documentDocx } from './word';
import { findPlaceholders } from '../../../../shared/documents/placeholders';
import {
  DEFAULT_ISSUER,
  DOC_STATUS_LABEL,
  DOC_TYPES,
  TEMPLATES,
  exportFileName,
  insertText,
  normalizePastedText,
  sha256Hex,
  templateById,
  typingLeftOut,
  type NoticeFields,
} from './logic';
import { NoticePreview } from './Preview';
import {
  LetterheadFields,
  letterheadDraft,
  letterheadFormValues,
  letterheadPreview,
  type LetterheadFormValues,
} from './LetterheadFields';
import { documentOptionsFromSettings } from '../settings/documentSettings';
import { CertificateBatchView } from './CertificateBatch';

interface FormValues extends LetterheadFormValues {
  template?: string;
  title: string;
  type: DocType;
  addressee: string;
  body: string;
  attachments: string[];
  issuer: string;
  date: string;
}

function blankValues(): FormValues {
  return {
    title: '',
    type: '通知',
    addressee: '各会员单位',
    body: '',
    attachments: [],
    issuer: DEFAULT_ISSUER,
    date: today(),
  };
}

function valuesOf(d: OutgoingDocument): FormValues {
  return {
    ...(d.template ? { template: d.template } : {}),
    title: d.title,
    type: d.type,
    addressee: d.addressee,
    body: d.body,
    attachments: d.attachments,
    issuer: d.issuer,
    date: d.date,
    ...letterheadFormValues(d),
  };
}

/** The draft's fields of the form's values; a 成文日期 cleared or half typed keeps `date` (the stored one). */
function toDraft(v: FormValues, date = today()): DraftFields {
  return {
    title: (v.title ?? '').trim(),
    type: v.type ?? '通知',
    date: isIsoDate(v.date) ? v.date : date,
    addressee: (v.addressee ?? '').trim(),
    body: v.body ?? '',
    attachments: (v.attachments ?? []).map((a) => (a ?? '').trim()).filter((a) => a !== ''),
    issuer: (v.issuer ?? '').trim() || DEFAULT_ISSUER,
    ...(v.template ? { template: v.template } : {}),
    ...letterheadDraft(v),
  };
}

/** 作废 with a reason (R-W1: the number stays in the register), shared by the register and the editor. */
export function useVoidDialog() {
  const { message } = App.useApp();
  const reasons = useReasonDialog();
  return {
    open: (d: OutgoingDocument) =>
      reasons.ask(
        `作废发文${d.docNumber ? ` ${d.docNumber}` : ''}`,
        '作废原因',
        async (reason) => {
          await voidDocument(db, d.id!, reason);
          message.success('已作废；发文字号保留在登记簿中');
        },
        {
          okText: '确认作废',
          danger: true,
          note: '作废后该发文不再使用；已分配的发文字号不会再次使用，登记簿中保留并标为“已作废”。',
        },
      ),
    dialog: reasons.dialog,
  };
}

/** The editor of a notice that became a draft while typed (its route's state says so). */
const NEW_EDITOR = 'new';

/**
 * The editor, one per document it opened with: a new notice that the autosave made a draft keeps its editor
 * (and the clerk's cursor) as the address changes to the draft's; another document gets its own.
 */
export function NoticeEditorPage() {
  const { id } = useParams();
  const fromNew = (useLocation().state as { editor?: unknown } | null)?.editor === NEW_EDITOR;
  return <NoticeEditor key={id === undefined || fromNew ? NEW_EDITOR : id} />;
}

/** 新建通知 / a register document: editor on the left, live printed-page preview on the right. */
function NoticeEditor() {
  const params = useParams();
  const id = params.id !== undefined ? Number(params.id) : undefined;
  const navigate = useNavigate();
  const { message, modal } = App.useApp();
  const exportFile = useExportFile();
  const [form] = Form.useForm<FormValues>();
  const doc = useLiveQuery(() => (id !== undefined ? db.documents.get(id) : undefined), [id]);
  // The meeting whose notice this is (起草会议通知 on the meetings desk links it).
  const meeting = useLiveQuery(
    () => (id !== undefined ? db.meetings.filter((m) => m.noticeDocId === id).first() : undefined),
    [id],
  );
  const [values, setValues] = useState<FormValues>(blankValues);
  const [busy, setBusy] = useState<string | null>(null);
  const loadedFor = useRef<number | undefined>(undefined);
  const voidDialog = useVoidDialog();
  // A new notice becomes a draft with the first thing typed (draftAutosave.ts); the editor stays on screen.
  const [createdId, setCreatedId] = useState<number | undefined>();
  const draftId = id ?? createdId;
  const isNew = id === undefined || createdId !== undefined;

  useEffect(() => {
    if (doc && loadedFor.current !== doc.id) {
      loadedFor.current = doc.id;
      const v = valuesOf(doc);
      form.setFieldsValue(v);
      setValues(v);
    }
  }, [doc, form]);

  // Closed in one version, a draft in the other (or any conflict of the office's sync): nothing is written,
  // numbered or voided until the clerk resolves it in 设置 → 多人协作 (a second 定稿 would take a second number).
  const conflicted = useConflicted('documents', draftId);
  const readOnly = (doc != null && doc.status !== 'draft') || conflicted;
  const draft = useDraftAutosave({
    id: draftId,
    stored: doc ? draftFieldsOf(doc) : undefined,
    label: doc?.title ? `发文草稿「${doc.title}」` : '新建发文',
    onCreated: (newId) => {
      loadedFor.current = newId;
      setCreatedId(newId);
      navigate(`/documents/${newId}`, { replace: true, state: { editor: NEW_EDITOR } });
    },
  });
  // Another workstation's edit of this draft (through the office's server) shows where the clerk has not
  // typed; the clerk's typing stays and is what the autosave writes (ui/unsaved.ts useFollowStored).
  const stored = useMemo(() => (doc && doc.status === 'draft' ? valuesOf(doc) : undefined), [doc]);
  const followed = useFollowStored(form, stored, {
    skip: () => doc != null && draft.isOwnWrite(draftFieldsOf(doc)),
    onFollowed: () => {
      if (doc) draft.adoptStored(draftFieldsOf(doc));
      typed();
    },
  });
  // The draft closed (定稿 or 作废) under the clerk's typing — on another workstation, or before the last
  // autosave: the form shows the register's document, and what it lacks of the typing is offered as a new
  // draft (另存为新草稿), kept in the journal until the clerk decides; leaving asks first.
  const [leftOut, setLeftOut] = useState<ReturnType<typeof typingLeftOut>>(null);
  const sawDraft = useRef(false);
  const { base: draftBase, leaveBehind, keepAsNewDraft, dropLeftBehind } = draft;
  useEffect(() => {
    if (!doc) return;
    if (doc.status === 'draft') {
      sawDraft.current = true;
      return;
    }
    if (!sawDraft.current) return;
    sawDraft.current = false;
    const closed = draftFieldsOf(doc);
    const left = typingLeftOut(
      draftBase() ?? closed,
      toDraft(form.getFieldsValue(true) as FormValues, doc.date),
      closed,
    );
    if (left) {
      leaveBehind(left.draft);
      setLeftOut(left);
    }
    const v = valuesOf(doc);
    form.setFieldsValue(v);
    setValues(v);
  }, [doc, form, draftBase, leaveBehind]);
  const leftOutTitle = leftOut?.draft.title;
  useEffect(() => {
    if (leftOutTitle === undefined) return;
    const unregister = registerUnsaved(() => `发文「${leftOutTitle || '（无标题）'}」中没有写入的内容`);
    return () => {
      unregister();
      // Kept as a new draft, given up, or left after the guard asked.
      dropLeftBehind();
    };
  }, [leftOutTitle, dropLeftBehind]);
  const saveLeftOut = () =>
    run('keep', async () => {
      if (!leftOut) return;
      const newId = await keepAsNewDraft(leftOut.draft);
      setLeftOut(null);
      message.success('已另存为新草稿');
      navigate(`/documents/${newId}`);
    });
  const dropLeftOut = () =>
    modal.confirm({
      title: '放弃你输入的内容？',
      content: '这些内容没有写入登记簿，放弃后不能找回。',
      okText: '放弃',
      okButtonProps: { danger: true },
      cancelText: '返回',
      autoFocusButton: 'cancel',
      onOk: () => setLeftOut(null),
    });

  /** Shows the form's values and autosaves them (typing, a template, a paste, the 版头 defaults). */
  const typed = () => {
    // All the store's values: the 模板 field is not on screen once the draft exists, and its value stays.
    const v = form.getFieldsValue(true) as FormValues;
    setValues(v);
    if (readOnly || (id !== undefined && !doc && createdId === undefined)) return;
    draft.change(toDraft(v, doc?.date));
  };
  const preview: NoticeFields = useMemo(
    () => ({
      title: values.title ?? '',
      docNumber: doc?.docNumber ?? '',
      addressee: values.addressee ?? '',
      body: values.body ?? '',
      attachments: (values.attachments ?? []).map((a) => a ?? ''),
      issuer: values.issuer ?? '',
      date: values.date ?? '',
      ...letterheadPreview(values),
    }),
    [values, doc?.docNumber],
  );

  // (A draft the autosave just created keeps its form on screen while the register row loads.)
  if (id !== undefined && doc === undefined && createdId === undefined)
    return <Page title="发文">{null}</Page>;
  if (id !== undefined && doc === null) return <Page title="发文">找不到该发文。</Page>;
  if (doc?.certificateBatch) return <CertificateBatchView doc={doc} />;

  const applyTemplate = (tid: string) => {
    const t = templateById(tid);
    if (!t) return;
    const v: FormValues = {
      ...form.getFieldsValue(true),
      template: t.id,
      title: t.title,
      type: t.type,
      addressee: t.addressee,
      body: t.body,
      attachments: [...t.attachments],
    };
    form.setFieldsValue(v);
    typed();
  };

  const onPaste = (e: ClipboardEvent<HTMLTextAreaElement>) => {
    const text = e.clipboardData.getData('text/plain');
    if (!text) return;
    e.preventDefault();
    const el = e.currentTarget;
    const current = (form.getFieldValue('body') as string | undefined) ?? '';
    const r = insertText(current, el.selectionStart, el.selectionEnd, normalizePastedText(text));
    form.setFieldValue('body', r.value);
    typed();
    requestAnimationFrame(() => el.setSelectionRange(r.caret, r.caret));
  };

  const save = async (): Promise<number | undefined> => {
    const v = await form.validateFields().catch(() => undefined);
    if (!v) {
      message.error('请按提示补全必填项');
      return undefined;
    }
    return draft.saveNow(toDraft({ ...form.getFieldsValue(true), ...v }, doc?.date));
  };

  const run = async (what: string, f: () => Promise<void>) => {
    setBusy(what);
    try {
      await f();
    } catch (e) {
      message.error(errorText(e));
    } finally {
      setBusy(null);
    }
  };

  const onSave = () =>
    run('save', async () => {
      const newId = await save();
      if (newId === undefined) return;
      message.success('草稿已保存');
    });

  const onFinalize = () => {
    // 定稿 uses up a number for ever (R-W1): not while the template's ×× / …… remain (findPlaceholders).
    const left = findPlaceholders(toDraft(form.getFieldsValue(true) as FormValues));
    if (left.length)
      return modal.error({
        title: '还有模板占位符未替换，不能定稿',
        okText: '知道了',
        content: (
          <Flex vertical gap={4}>
            <Typography.Text>请把下列占位符改为实际内容后再定稿（未分配发文字号）：</Typography.Text>
            <ul aria-label="未替换的占位符" style={{ margin: 0, paddingInlineStart: 20 }}>
              {left.slice(0, 12).map((p, i) => (
                <li key={i}>
                  {p.where}：“{p.text}”
                </li>
              ))}
            </ul>
            {left.length > 12 && <Typography.Text>等共 {left.length} 处</Typography.Text>}
          </Flex>
        ),
      });
    return modal.confirm({
      title: '定稿并分配发文字号？',
      content: '定稿后正文不能再修改；发文字号按年度顺序分配，作废也不会再次使用。',
      okText: '确认定稿',
      cancelText: '取消',
      onOk: () =>
        run('final', async () => {
          const newId = await save();
          if (newId === undefined) return;
          const { docNumberStyle } = await readCharterSettings(db);
          const no = await finalizeDocument(db, newId, docNumberStyle);
          message.success(`已定稿：${no}`);
        }),
    });
  };

  const onExport = () =>
    run('export', async () => {
      let current = doc;
      if (!current || current.status === 'draft') {
        const newId = await save();
        if (newId === undefined) return;
        current = await db.documents.get(newId);
      }
      if (!current?.id) return;
      const bytes = await documentDocx(current, await documentOptionsFromSettings());
      const sha = await sha256Hex(bytes);
      const saved = await exportFile(exportFileName(current), bytes, 'docx');
      if (saved) await recordExport(db, current.id, sha);
    });

  const tpl = templateById(values.template);
  const status = doc?.status ?? 'draft';
  return (
    <Page
      title={draftId === undefined ? '新建通知' : doc?.docNumber ? `发文 ${doc.docNumber}` : '发文草稿'}
      extra={
        <>
          <Button onClick={() => navigate('/documents')}>返回登记簿</Button>
          {!readOnly && (
            <Button onClick={onSave} loading={busy === 'save'}>
              保存草稿
            </Button>
          )}
          {!readOnly && (
            <Button type="primary" onClick={onFinalize} loading={busy === 'final'}>
              定稿
            </Button>
          )}
          {status !== 'void' && !conflicted && (
            <Button onClick={onExport} loading={busy === 'export'}>
              导出 Word
            </Button>
          )}
          {doc && status !== 'void' && !conflicted && (
            <Button danger onClick={() => voidDialog.open(doc)}>
              作废
            </Button>
          )}
        </>
      }
    >
      {voidDialog.dialog}
      <Flex gap={8} align="center" wrap style={{ marginBottom: 12 }}>
        {doc && (
          <Tag color={status === 'final' ? 'green' : status === 'void' ? 'red' : 'blue'}>
            {DOC_STATUS_LABEL[status]}
          </Tag>
        )}
        {!readOnly && (
          <Typography.Text
            type={draft.state === 'error' ? 'danger' : 'secondary'}
            aria-live="polite"
            data-save-state={draft.stored ? draft.state : 'new'}
          >
            {draft.stored || draft.state === 'error'
              ? `自动保存：${draft.label}`
              : '输入内容后自动保存为草稿。'}
          </Typography.Text>
        )}
        {status === 'final' && (
          <Typography.Text type="secondary">已定稿的发文只读；再次导出的内容完全相同。</Typography.Text>
        )}
        {doc?.voided && <Typography.Text type="danger">作废原因：{doc.voided.reason}</Typography.Text>}
        {meeting && (
          <Typography.Text>
            关联会议：<Link to={`/meetings/${meeting.id}`}>{meeting.name}</Link>
          </Typography.Text>
        )}
      </Flex>
      <ConflictMark
        table="documents"
        id={draftId}
        what="这份发文"
        description="两个工作站同时修改了它（例如一个工作站定稿时，另一个工作站还在修改草稿），两个版本都已保留。处理之前，这份发文不能修改、定稿、作废或导出。请到 设置 → 多人协作 → 同步冲突 处理。"
      />
      {leftOut && doc && (
        <Alert
          type="warning"
          showIcon
          role="alert"
          style={{ marginBottom: 12 }}
          message={`这份发文已${doc.status === 'final' ? `定稿（${doc.docNumber ?? ''}）` : '作废'}，你输入的下列内容没有写入：${leftOut.fields.map((k) => fieldLabel(k, 'documents')).join('、')}`}
          description="登记簿中的这份发文以下方和右侧预览为准，不能再修改。要保留你输入的内容，点“另存为新草稿”：它成为一份新的草稿（以这份发文为底，加上你输入的内容），可以继续编辑后再定稿。"
          action={
            <Flex vertical gap={8}>
              <Button type="primary" size="small" onClick={saveLeftOut} loading={busy === 'keep'}>
                另存为新草稿
              </Button>
              <Button size="small" danger onClick={dropLeftOut}>
                放弃我输入的内容
              </Button>
            </Flex>
          }
        />
      )}
      <StoredChangedNotice
        what="这份草稿"
        conflicts={readOnly ? [] : followed.conflicts}
        label={(path) => fieldLabel(path[0] ?? '', 'documents')}
        onTakeStored={followed.takeStored}
        description="屏幕上是你输入的内容，并已自动保存；要改用另一工作站的内容，点“改用最新内容”。你没有修改的项已显示为最新内容。"
      />
      <Row gutter={24} wrap={false}>
        <Col flex="1 1 480px" style={{ minWidth: 420 }}>
          <Form<FormValues>
            form={form}
            layout="vertical"
            initialValues={blankValues()}
            disabled={readOnly}
            onValuesChange={typed}
          >
            {isNew && (
              <Form.Item label="模板" name="template">
                <Select
                  placeholder="选择模板（可选）"
                  options={TEMPLATES.map((t) => ({ value: t.id, label: t.label }))}
                  onChange={(v: string) => applyTemplate(v)}
                />
              </Form.Item>
            )}
            <Form.Item label="标题" name="title" rules={mustFill('标题')}>
              <Input />
            </Form.Item>
            <Flex gap={12}>
              <Form.Item label="发文字号" style={{ flex: 1 }}>
                <Input
                  aria-label="发文字号"
                  readOnly
                  disabled
                  value={doc?.docNumber ?? (status === 'void' ? '—' : '定稿时分配')}
                />
              </Form.Item>
              <Form.Item label="类型" name="type" style={{ width: 140 }}>
                <Select options={DOC_TYPES.map((t) => ({ value: t, label: t }))} />
              </Form.Item>
            </Flex>
            <Form.Item label="主送" name="addressee" rules={mustFill('主送单位')}>
              <Input placeholder="各会员单位" />
            </Form.Item>
            <Form.Item
              label="正文"
              name="body"
              extra="每段一行；一、为一级标题，（一）为二级标题，1. 为三级标题。从 Word 粘贴时保留段落。"
              rules={mustFill('正文')}
            >
              <Input.TextArea rows={16} onPaste={onPaste} />
            </Form.Item>
            <Form.List name="attachments">
              {(fields, { add, remove }) => (
                <Form.Item label="附件">
                  <Flex vertical gap={8}>
                    {fields.map((f, i) => (
                      <Space.Compact key={f.key} style={{ width: '100%' }}>
                        <Form.Item name={f.name} noStyle>
                          <Input aria-label={`附件 ${i + 1}`} addonBefore={`${i + 1}.`} />
                        </Form.Item>
                        <Button aria-label={`删除附件 ${i + 1}`} onClick={() => remove(f.name)}>
                          删除
                        </Button>
                      </Space.Compact>
                    ))}
                    <div>
                      <Button onClick={() => add('')}>添加附件</Button>
                    </div>
                  </Flex>
                </Form.Item>
              )}
            </Form.List>
            <Flex gap={12}>
              <Form.Item label="落款" name="issuer" style={{ flex: 1 }}>
                <Input />
              </Form.Item>
              <Form.Item label="成文日期" name="date" style={{ width: 180 }} rules={mustChoose('成文日期')}>
                <DateInput aria-label="成文日期" />
              </Form.Item>
            </Flex>
            <LetterheadFields form={form} isNew={isNew} onDefaults={typed} />
          </Form>
          {tpl?.inlineSunshine && (
            <Alert
              type="info"
              showIcon
              message="导出的 Word 文件随文附上附件1《申请表》和附件2《宣言》及《成员守则》；附件3 仅列出标题。"
            />
          )}
        </Col>
        <Col flex="0 0 auto">
          <NoticePreview
            notice={preview}
            note="预览按每页 22 行、每行 28 字估算分页，与 Word 排版大致相同。"
          />
        </Col>
      </Row>
    </Page>
  );
}
