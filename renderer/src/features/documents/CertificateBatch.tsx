/**
 * A 证书批次 entry of the 发文 register (R-W1 with R-M3 (4), R-P3): written when certificates are issued,
 * read-only here. It lists what was issued with each certificate's current state, and exports the
 * certificates as issued (same bytes every time; the SHA-256 goes into the register).
 */
import { Button, Descriptions, Flex, Tag, Typography } from 'antd';
import { useLiveQuery } from 'dexie-react-hooks';
import { useNavigate } from 'react-router';
import type { Certificate, OutgoingDocument } from '../../../../shared/domain/records';
import { Page } from '../../ui/Page';
import { useExportFile } from '../../ui/exportFile';
import { db } from '../../db';
import { recordExport } from '../../records/register';
import { certificateBatchDocx } from './word';
import { documentOptionsFromSettings } from '../settings/documentSettings';
import { exportFileName, sha256Hex } from './logic';
import { useRun } from '../../ui/useRun';
import { DeskTable } from '../../ui/DeskTable';

type Item = NonNullable<OutgoingDocument['certificateBatch']>['items'][number];

function certificateState(c: Certificate | undefined) {
  if (!c) return <Tag>找不到证书记录</Tag>;
  if (c.status === 'returned')
    return (
      <Tag color="red">
        已收回（{c.returned?.on}
        {c.returned?.reason ? `，${c.returned.reason}` : ''}）
      </Tag>
    );
  return <Tag color="green">有效</Tag>;
}

export function CertificateBatchView({ doc }: { doc: OutgoingDocument }) {
  const navigate = useNavigate();
  const exportFile = useExportFile();
  const { busy, run } = useRun();
  const items = doc.certificateBatch?.items ?? [];
  // The certificates' current state, in the batch's order.
  const certs = useLiveQuery(() => db.certificates.bulkGet(items.map((i) => i.certificateId)), [doc.id]);

  const onExport = async () => {
    if (!doc.id) return;
    const id = doc.id;
    await run(
      async () => {
        const bytes = await certificateBatchDocx(doc, await documentOptionsFromSettings());
        const sha = await sha256Hex(bytes);
        if (await exportFile(exportFileName(doc), bytes, 'docx')) await recordExport(db, id, sha);
      },
      undefined,
      '导出失败',
    );
  };

  return (
    <Page
      title={`发文 ${doc.docNumber ?? ''}`}
      extra={
        <>
          <Button onClick={() => navigate('/documents')}>返回登记簿</Button>
          <Button onClick={() => void onExport()} loading={busy}>
            导出 Word
          </Button>
        </>
      }
    >
      <Flex vertical gap={12}>
        <Flex gap={8} align="center" wrap>
          <Tag color="green">已定稿</Tag>
          <Typography.Text type="secondary">
            证书批次在颁发证书时自动登记，不能修改；导出的是当时颁发的证书，每次导出内容完全相同。证书的收回在专项行动或会员档案中办理。
          </Typography.Text>
        </Flex>
        <Descriptions size="small" column={2} bordered>
          <Descriptions.Item label="发文字号">{doc.docNumber}</Descriptions.Item>
          <Descriptions.Item label="类型">{doc.type}</Descriptions.Item>
          <Descriptions.Item label="标题" span={2}>
            {doc.title}
          </Descriptions.Item>
          <Descriptions.Item label="发证日期">{doc.date}</Descriptions.Item>
          <Descriptions.Item label="颁发单位">{doc.addressee}</Descriptions.Item>
          <Descriptions.Item label="落款">{doc.issuer}</Descriptions.Item>
          <Descriptions.Item label="文件 SHA-256">
            {doc.sha256 ? <Typography.Text code>{doc.sha256}</Typography.Text> : '尚未导出'}
          </Descriptions.Item>
        </Descriptions>
        <DeskTable<Item>
          label="本批证书"
          rowKey="certificateId"
          rows={items}
          columns={[
            { title: '序号', width: 70, render: (_, __, i) => i + 1 },
            { title: '证书编号', dataIndex: 'certificateNo', width: 200 },
            { title: '单位名称（颁发时）', dataIndex: 'unitName' },
            {
              title: '当前状态',
              width: 260,
              // Nothing while the certificates load: not 找不到证书记录 for a moment (ci87 read it then).
              render: (_, __, i) => (certs === undefined ? null : certificateState(certs[i])),
            },
          ]}
        />
      </Flex>
    </Page>
  );
}
