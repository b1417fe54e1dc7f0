import { useEffect, useLayoutEffect, useMemo, useRef, useState, type CSSProperties } from 'react';
import { Alert, App, Button, Card, Empty, Flex, Input, List, Modal, Space, Typography } from 'antd';
import type { TextAreaRef } from 'antd/es/input/TextArea';
import { useLiveQuery } from 'dexie-react-hooks';
import type { AgendaItem, Ballot, Meeting, Motion } from '../../../../shared/domain/records';
import { db } from '../../db';
import { addAgendaItem, moveAgendaItem, renameAgendaItem, restoreVersion } from './data';
import { useDiscussionAutosave } from './hooks';
import { caretAfterReplace, type QuorumView } from './logic';
import { MotionsOf } from './Motions';
import { errorText } from '../../ui/errorText';

function VersionsDialog(props: {
  item: AgendaItem;
  open: boolean;
  onClose: () => void;
  /** Restores through the editor (its typing stored first): `restoreStored` writes the version back. */
  onRestore: (restoreStored: () => Promise<string>) => Promise<void>;
}) {
  const versions = useLiveQuery(
    () => db.minuteVersions.where('agendaItemId').equals(props.item.id!).reverse().sortBy('savedAt'),
    [props.item.id],
  );
  const [viewing, setViewing] = useState<number | null>(null);
  const [restoring, setRestoring] = useState<number | null>(null);
  const { message } = App.useApp();
  return (
    <Modal
      title={`历史版本：${props.item.title}`}
      open={props.open}
      onCancel={props.onClose}
      footer={null}
      width={720}
    >
      {versions && versions.length === 0 ? <Empty description="还没有历史版本" /> : null}
      <List
        dataSource={versions ?? []}
        renderItem={(v) => (
          <List.Item
            actions={[
              <Button key="view" size="small" onClick={() => setViewing(viewing === v.id ? null : v.id!)}>
                {viewing === v.id ? '收起' : '查看'}
              </Button>,
              <Button
                key="restore"
                size="small"
                loading={restoring === v.id}
                onClick={async () => {
                  setRestoring(v.id!);
                  try {
                    await props.onRestore(() => restoreVersion(db, props.item.id!, v.id!));
                    message.success('已恢复该版本（恢复前的内容已另存为历史版本）');
                    props.onClose();
                  } catch (e) {
                    message.error(`恢复失败：${errorText(e)}`);
                  } finally {
                    setRestoring(null);
                  }
                }}
              >
                恢复
              </Button>,
            ]}
          >
            <List.Item.Meta
              title={new Date(v.savedAt).toLocaleString('zh-CN')}
              description={
                viewing === v.id ? (
                  <Typography.Paragraph style={{ whiteSpace: 'pre-wrap' }}>{v.text}</Typography.Paragraph>
                ) : (
                  `${v.text.slice(0, 60)}${v.text.length > 60 ? '…' : ''}（${v.text.length} 字）`
                )
              }
            />
          </List.Item>
        )}
      />
    </Modal>
  );
}

const DISCUSSION_STYLE = {
  fieldSizing: 'content',
  minHeight: 'calc(4lh + 10px)',
  maxHeight: 'calc(24lh + 10px)',
} as CSSProperties;

function AgendaItemCard(props: {
  item: AgendaItem;
  position: number;
  count: number;
  meeting: Meeting;
  quorum: QuorumView;
  motions: Motion[];
  ballots: Ballot[];
}) {
  const { item } = props;
  const auto = useDiscussionAutosave(item.id!, item.discussion);
  const [renaming, setRenaming] = useState<string | null>(null);
  const [history, setHistory] = useState(false);
  const textId = `discussion-${item.id}`;
  // Another workstation's text followed under the clerk's caret: the caret stays by the text around it.
  const area = useRef<TextAreaRef>(null);
  const shown = useRef(auto.text);
  const typed = useRef(auto.text);
  const caret = useRef(0);
  useEffect(() => {
    // Every way the caret moves (keys, the mouse, a script), noted while the text area has the focus.
    const note = () => {
      const el = area.current?.resizableTextArea?.textArea;
      if (el && document.activeElement === el) caret.current = el.selectionStart;
    };
    document.addEventListener('selectionchange', note, true);
    return () => document.removeEventListener('selectionchange', note, true);
  }, []);
  useLayoutEffect(() => {
    const before = shown.current;
    shown.current = auto.text;
    const el = area.current?.resizableTextArea?.textArea;
    if (!el || before === auto.text || auto.text === typed.current || document.activeElement !== el) return;
    const at = caretAfterReplace(before, auto.text, caret.current);
    el.setSelectionRange(at, at);
    caret.current = at;
  }, [auto.text]);
  // A keystroke re-renders this card (the text is its state): its heading, buttons and motions are the
  // same elements then, so React skips them and renders only the status line and the text area.
  const title = useMemo(
    () =>
      renaming === null ? (
        <span>
          {props.position + 1}. {item.title}
        </span>
      ) : (
        <Space>
          <Input
            aria-label="议程名称"
            value={renaming}
            onChange={(e) => setRenaming(e.target.value)}
            onPressEnter={async () => {
              if (renaming.trim()) await renameAgendaItem(db, item.id!, renaming.trim());
              setRenaming(null);
            }}
            style={{ width: 320 }}
          />
          <Button
            size="small"
            type="primary"
            onClick={async () => {
              if (renaming.trim()) await renameAgendaItem(db, item.id!, renaming.trim());
              setRenaming(null);
            }}
          >
            确定
          </Button>
        </Space>
      ),
    [renaming, item.id, item.title, props.position],
  );
  const extra = useMemo(
    () => (
      <Space size={4}>
        <Button
          size="small"
          disabled={props.position === 0}
          onClick={() => void moveAgendaItem(db, item.id!, -1)}
        >
          上移
        </Button>
        <Button
          size="small"
          disabled={props.position === props.count - 1}
          onClick={() => void moveAgendaItem(db, item.id!, 1)}
        >
          下移
        </Button>
        <Button size="small" onClick={() => setRenaming(item.title)}>
          改名
        </Button>
        <Button size="small" onClick={() => setHistory(true)}>
          历史版本
        </Button>
      </Space>
    ),
    [item.id, item.title, props.position, props.count],
  );
  const motions = useMemo(
    () => (
      <MotionsOf
        meeting={props.meeting}
        item={item}
        quorum={props.quorum}
        motions={props.motions}
        ballots={props.ballots}
      />
    ),
    [props.meeting, item, props.quorum, props.motions, props.ballots],
  );
  return (
    <Card size="small" title={title} extra={extra}>
      <Flex justify="space-between" align="baseline">
        <label htmlFor={textId}>讨论记录</label>
        <Typography.Text
          type={auto.state === 'error' ? 'danger' : 'secondary'}
          aria-live="polite"
          data-save-state={auto.state}
        >
          {auto.label}
        </Typography.Text>
      </Flex>
      {auto.othersReplaced ? (
        <Alert
          type="warning"
          showIcon
          role="alert"
          closable={{ 'aria-label': '关闭提示' }}
          onClose={auto.dismissOthers}
          style={{ margin: '4px 0' }}
          message="其他工作站刚修改了这一项的讨论记录"
          description="屏幕上保留你输入的内容，并自动保存；被替换的内容保存在“历史版本”中。"
        />
      ) : null}
      <Input.TextArea
        id={textId}
        ref={area}
        aria-label={item.title}
        value={auto.text}
        onChange={(e) => {
          typed.current = e.target.value;
          caret.current = e.target.selectionStart;
          auto.onChange(e.target.value);
        }}
        onBlur={() => void auto.flush()}
        // Sized to its text by the browser (4 to 24 lines), not by measuring a hidden copy of the text on
        // every keystroke as antd's autoSize does (at 20,000 characters that was most of a keystroke).
        rows={4}
        style={DISCUSSION_STYLE}
        placeholder="边听边记：输入即自动保存"
      />
      {motions}
      {history ? (
        <VersionsDialog
          item={item}
          open={history}
          onClose={() => setHistory(false)}
          onRestore={auto.restore}
        />
      ) : null}
    </Card>
  );
}

/** 会议纪要: agenda items in order, each with its live-typed discussion (autosaved) and its motions. */
export function Minutes(props: { meeting: Meeting; quorum: QuorumView }) {
  const { meeting } = props;
  const items = useLiveQuery(
    () => db.agendaItems.where('meetingId').equals(meeting.id!).sortBy('order'),
    [meeting.id],
  );
  const motions = useLiveQuery(
    () => db.motions.where('meetingId').equals(meeting.id!).toArray(),
    [meeting.id],
  );
  const ballots = useLiveQuery(async () => {
    const ids = (await db.motions.where('meetingId').equals(meeting.id!).primaryKeys()) as number[];
    return ids.length ? db.ballots.where('motionId').anyOf(ids).toArray() : [];
  }, [meeting.id]);
  const [title, setTitle] = useState('');
  const add = async () => {
    if (!title.trim()) return;
    await addAgendaItem(db, meeting.id!, title.trim());
    setTitle('');
  };
  return (
    <Flex vertical gap={12}>
      {!props.quorum.quorate ? (
        <Typography.Text type="warning">
          本次会议未达法定人数：仍可记录纪要，纪要中将注明未达到法定人数，表决不能形成有效决议。
        </Typography.Text>
      ) : null}
      {(items ?? []).map((item, i, all) => (
        <AgendaItemCard
          key={item.id}
          item={item}
          position={i}
          count={all.length}
          meeting={meeting}
          quorum={props.quorum}
          motions={(motions ?? []).filter((m) => m.agendaItemId === item.id)}
          ballots={ballots ?? []}
        />
      ))}
      {items && items.length === 0 ? <Empty description="还没有议程：先添加议程，再记录讨论" /> : null}
      <Flex gap={8}>
        <Input
          aria-label="新议程"
          placeholder="议程名称，如：审议年度工作报告"
          value={title}
          onChange={(e) => setTitle(e.target.value)}
          onPressEnter={() => void add()}
          style={{ maxWidth: 420 }}
        />
        <Button onClick={() => void add()} disabled={!title.trim()}>
          添加议程
        </Button>
      </Flex>
    </Flex>
  );
}
