import { useEffect, useRef, useState } from 'react';
import { Alert, App, Button, Checkbox, Descriptions, Flex, Progress, Table, Typography } from 'antd';
import { db } from '../../db/index';
import { desk, saveBytes } from '../../platform/index';
import { useExportFile } from '../../ui/exportFile';
import { compareCounts, TABLE_LABEL, type CountRow } from '../../../../shared/data/manifest';
import { formatAuditTime } from '../../../../shared/data/auditView';
import { autoBackupName } from '../../../../shared/data/retention';
import { SCHEMA_VERSION } from '../../db/schema';
import { guardRestore } from '../../sync/restoreGuard';
import {
  MAX_BACKUP_BYTES,
  restoreBackup,
  tableCounts,
  type HeldBackup,
  type ReadBackup,
} from '../../io/backup';
import { autoBackupApi, localStamp } from '../../io/autoBackup';
import { closeBackup, createBackupOffThread, readBackupOffThread } from '../../io/backupOffThread';
import { errorText } from '../../ui/errorText';

async function appVersion(): Promise<string> {
  return (await desk.appInfo()).version;
}

/** 备份到文件: the whole database into one zip, saved through the contract. */
export function BackupToFile() {
  const { message } = App.useApp();
  const save = useExportFile();
  const [progress, setProgress] = useState<number | null>(null);
  const run = async () => {
    setProgress(0);
    try {
      // Read, serialised and compressed in a Worker: the window only shows the progress.
      const b = await createBackupOffThread(db, {
        appVersion: await appVersion(),
        onProgress: (p) => setProgress(p),
      });
      await save(b.fileName, b.bytes, 'zip');
    } catch (e) {
      message.error(`备份失败：${errorText(e)}`);
    } finally {
      setProgress(null);
    }
  };
  return (
    <Flex vertical gap={8}>
      <Typography.Paragraph style={{ margin: 0 }}>
        把全部数据（会员、会费、会议、发文、附件文件和操作记录）保存为一个备份文件（.zip）。建议每次开会前后各备份一次，并把备份文件另存到
        U 盘。
      </Typography.Paragraph>
      <div>
        <Button type="primary" onClick={run} loading={progress !== null}>
          备份到文件
        </Button>
      </div>
      {progress !== null && <Progress percent={progress} aria-label="备份进度" />}
    </Flex>
  );
}

interface Preview {
  fileName: string;
  /** Checked in a Worker, which keeps the rows for the restore (backupOffThread.ts). */
  backup: ReadBackup | HeldBackup;
  rows: CountRow[];
}

/** 从备份恢复: pick → preview (versions, time, counts vs now) → 确认恢复 (after a pre-restore backup). */
export function RestoreFromBackup(props: {
  pending?: { name: string; bytes: Uint8Array } | null;
  onDone?: () => void;
}) {
  const { message, modal } = App.useApp();
  const [preview, setPreview] = useState<Preview | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [progress, setProgress] = useState<{ percent: number; label: string } | null>(null);
  const [saveFirst, setSaveFirst] = useState(true);
  const [preRestore, setPreRestore] = useState<{ name: string; bytes: Uint8Array } | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const auto = autoBackupApi();
  // The checked backup held in its Worker is released when the preview closes or is replaced.
  const held = useRef<Preview['backup'] | null>(null);
  useEffect(() => {
    const previous = held.current;
    held.current = preview?.backup ?? null;
    if (previous && previous !== held.current) closeBackup(previous);
  }, [preview]);
  useEffect(() => () => closeBackup(held.current), []);

  const load = async (name: string, bytes: Uint8Array) => {
    setError(null);
    setDone(null);
    setPreview(null);
    setBusy(true);
    try {
      const backup = await readBackupOffThread(bytes, name);
      const rows = compareCounts(backup.manifest.counts, await tableCounts(db));
      setPreview({ fileName: name, backup, rows });
    } catch (e) {
      setError(errorText(e));
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    if (props.pending) void load(props.pending.name, props.pending.bytes);
  }, [props.pending]);

  const pick = async () => {
    try {
      const f = await desk.openFile({
        title: '选择备份文件',
        filters: [{ name: '备份文件', extensions: ['zip'] }],
        maxBytes: MAX_BACKUP_BYTES,
      });
      if (f) await load(f.name, f.bytes);
    } catch (e) {
      setError(errorText(e));
    }
  };

  const confirm = async () => {
    if (!preview) return;
    // 多人协作 (issue 19): on a connected workstation the clerk first chooses 断开后恢复 or, explicitly,
    // 用备份替换服务器数据 (sync/restoreGuard.tsx).
    const plan = await guardRestore(modal, preview.fileName);
    if (!plan) return;
    setBusy(true);
    setError(null);
    try {
      if (saveFirst) {
        setProgress({ percent: 0, label: '正在备份当前数据…' });
        const current = await createBackupOffThread(db, {
          appVersion: await appVersion(),
          onProgress: (p) => setProgress({ percent: Math.round(p / 3), label: '正在备份当前数据…' }),
        });
        const { date, time } = localStamp();
        const name = autoBackupName(date, time, 'pre-restore');
        if (auto) {
          try {
            await auto.writeAutoBackup({ kind: 'pre-restore', bytes: current.bytes });
          } catch (e) {
            throw new Error(`恢复前的备份未能保存，已取消恢复：${errorText(e)}`);
          }
        } else {
          const r = await saveBytes(current.fileName.replace('.zip', '-恢复前.zip'), current.bytes, 'zip');
          if (!r.saved) throw new Error('恢复前的备份未保存，已取消恢复。');
        }
        setPreRestore({ name, bytes: current.bytes });
      }
      await restoreBackup(db, preview.backup, preview.fileName, (p, label) =>
        setProgress({ percent: p, label }),
      );
      const synced = await plan.after(preview.fileName);
      setDone(
        `已从“${preview.fileName}”恢复：${preview.backup.manifest.counts.members ?? 0} 家会员单位。${synced ?? ''}`,
      );
      message.success('恢复完成');
      setPreview(null);
      props.onDone?.();
    } catch (e) {
      await plan.failed();
      setError(`恢复失败，数据库未作任何更改：${errorText(e)}`);
    } finally {
      setBusy(false);
      setProgress(null);
    }
  };

  const m = preview?.backup.manifest;
  return (
    <Flex vertical gap={12}>
      <Typography.Paragraph style={{ margin: 0 }}>
        用备份文件替换当前全部数据。先显示备份内容供核对，确认后才恢复；恢复前会先备份当前数据。
      </Typography.Paragraph>
      <div>
        <Button onClick={pick} loading={busy && !preview}>
          从备份恢复
        </Button>
      </div>
      {error && <Alert type="error" showIcon title="无法恢复" description={error} />}
      {done && (
        <Alert
          type="success"
          showIcon
          title={done}
          description={
            preRestore && !auto ? (
              <Button
                size="small"
                onClick={() => void saveBytes(`恢复前的数据-${preRestore.name}`, preRestore.bytes, 'zip')}
              >
                再次下载恢复前的备份
              </Button>
            ) : undefined
          }
        />
      )}
      {preview && m && (
        <section aria-label="备份内容预览">
          <Flex vertical gap={12}>
            <Typography.Title level={3} style={{ fontSize: 15, margin: 0 }}>
              备份内容预览：{preview.fileName}
            </Typography.Title>
            <Descriptions size="small" bordered column={2}>
              <Descriptions.Item label="备份时间">{formatAuditTime(m.createdAt)}</Descriptions.Item>
              <Descriptions.Item label="工作台版本">{m.appVersion}</Descriptions.Item>
              <Descriptions.Item label="数据库版本">
                {m.schemaVersion}
                {m.schemaVersion < SCHEMA_VERSION ? `（将升级到 ${SCHEMA_VERSION}）` : ''}
              </Descriptions.Item>
              <Descriptions.Item label="数据格式">第 {m.dataFormat ?? 1} 版</Descriptions.Item>
              <Descriptions.Item label="校验" span={2}>
                SHA-256 与记录数均与清单一致
              </Descriptions.Item>
            </Descriptions>
            <Table<CountRow>
              size="small"
              rowKey="table"
              pagination={false}
              aria-label="各表记录数对比"
              dataSource={preview.rows.filter((r) => r.inBackup || r.now)}
              columns={[
                { title: '数据', dataIndex: 'table', render: (t: string) => TABLE_LABEL[t] ?? t },
                { title: '备份中', dataIndex: 'inBackup', align: 'right' },
                { title: '当前', dataIndex: 'now', align: 'right' },
                {
                  title: '变化',
                  align: 'right',
                  render: (_: unknown, r) =>
                    r.inBackup === r.now
                      ? '—'
                      : r.inBackup > r.now
                        ? `+${r.inBackup - r.now}`
                        : r.inBackup - r.now,
                },
              ]}
            />
            <Alert
              type="warning"
              showIcon
              title="恢复会用备份内容替换当前全部数据。"
              description={
                auto
                  ? '恢复前会自动把当前数据备份到数据文件夹。'
                  : '浏览器中：恢复前会先下载当前数据的备份文件，请妥善保存。'
              }
            />
            <Checkbox checked={saveFirst} onChange={(e) => setSaveFirst(e.target.checked)}>
              恢复前先备份当前数据
            </Checkbox>
            <Flex gap={8}>
              <Button
                type="primary"
                danger
                loading={busy}
                onClick={() =>
                  saveFirst
                    ? void confirm()
                    : modal.confirm({
                        title: '不备份当前数据就恢复？',
                        content: '当前数据将被替换且没有备份，无法找回。',
                        okText: '仍然恢复',
                        cancelText: '取消',
                        onOk: confirm,
                      })
                }
              >
                确认恢复
              </Button>
              <Button disabled={busy} onClick={() => setPreview(null)}>
                取消
              </Button>
            </Flex>
          </Flex>
        </section>
      )}
      {progress && (
        <Progress percent={progress.percent} aria-label="恢复进度" format={() => progress.label} />
      )}
    </Flex>
  );
}
