import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { buildSunshineApplicationForm } from '../../../shared/documents';
import type { Enrolment } from '../../../shared/domain/records';
import {
  checkEnrolment,
  checkReceivedFile,
  daysLeftLabel,
  deadlineLabel,
  formFromMember,
  leftButEnrolled,
  missingBeforeDeadline,
  missingReceipts,
  nextProgrammeCertificateNo,
  overview,
  receiptsComplete,
  receivedIds,
} from '../../../renderer/src/features/programmes/logic';
import { readSunshineForm } from '../../../shared/documents/sunshineRead';

const enrolment = (id: number, memberId: number, e: Partial<Enrolment> = {}): Enrolment => ({
  id,
  programmeId: 1,
  memberId,
  status: 'invited',
  receipts: {},
  createdAt: '',
  updatedAt: '',
  ...e,
});

const ALL = {
  formWord: '2022-10-01',
  formPdf: '2022-10-01',
  declarationPdf: '2022-10-02',
  paper: '2022-10-08',
};

describe('receipts (R-P2)', () => {
  it('four receipts tracked separately; complete only with all four dated', () => {
    expect(receiptsComplete(ALL)).toBe(true);
    expect(receiptsComplete({ ...ALL, paper: undefined })).toBe(false);
    expect(missingReceipts({ formWord: '2022-10-01' })).toEqual([
      '申请表盖章 PDF',
      '宣言盖章 PDF',
      '纸质原件',
    ]);
    expect(receivedIds({ formPdf: '2022-10-01', paper: '2022-10-03' })).toEqual(['form-pdf', 'paper-post']);
  });
  it('uses the engine: members only (R-P1), on time, complete', () => {
    expect(checkEnrolment({ receipts: ALL }, 'active', '2022-11-30', '2022-12-05').readyForReview).toBe(true);
    expect(checkEnrolment({ receipts: ALL }, 'withdrawn', '2022-11-30', '2022-10-05').eligible).toBe(false);
    const late = checkEnrolment(
      { receipts: { ...ALL, formWord: '2022-12-01' } },
      'active',
      '2022-11-30',
      '2022-12-05',
    );
    expect(late.readyForReview).toBe(true); // submitted on the earliest receipt (10-01)
    const allLate = checkEnrolment(
      {
        receipts: {
          formWord: '2022-12-01',
          formPdf: '2022-12-01',
          declarationPdf: '2022-12-01',
          paper: '2022-12-02',
        },
      },
      'active',
      '2022-11-30',
      '2022-12-05',
    );
    expect(allLate.onTime).toBe(false);
  });
});

describe('received file checks (extension and magic bytes)', () => {
  const zip = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]);
  const pdf = new TextEncoder().encode('%PDF-1.7\n...');
  it('accepts a real .docx and .pdf', () => {
    expect(checkReceivedFile('申请表.docx', zip, 'docx')).toBeNull();
    expect(checkReceivedFile('申请表盖章.PDF', pdf, 'pdf')).toBeNull();
  });
  it('refuses wrong extensions, renamed files, empty and oversized files with Chinese messages', () => {
    expect(checkReceivedFile('申请表.doc', zip, 'docx')).toContain('旧版 Word');
    expect(checkReceivedFile('申请表.pdf', zip, 'docx')).toContain('请选择Word 文件');
    expect(checkReceivedFile('扫描件.pdf', zip, 'pdf')).toContain('扩展名与内容不符');
    expect(checkReceivedFile('a.docx', pdf, 'docx')).toContain('扩展名与内容不符');
    expect(checkReceivedFile('a.pdf', new Uint8Array(), 'pdf')).toContain('空');
    expect(checkReceivedFile('a.pdf', pdf, 'pdf', 4)).toContain('文件过大');
  });
});

describe('certificate numbers (R-P3)', () => {
  it('<prefix>-<year>-<seq 3 digits>, after the highest issued for that prefix and year', () => {
    expect(nextProgrammeCertificateNo([], 'YGXD', 2022)).toBe('YGXD-2022-001');
    expect(
      nextProgrammeCertificateNo(
        ['YGXD-2022-001', 'YGXD-2022-007', 'YGXD-2021-020', 'X-2022-050'],
        'YGXD',
        2022,
      ),
    ).toBe('YGXD-2022-008');
  });
});

describe('overview and warnings', () => {
  const list = [
    enrolment(1, 11, { status: 'approved', receipts: ALL, certificateId: 5 }),
    enrolment(2, 12, { status: 'applied', receipts: { formWord: '2022-10-01' } }),
    enrolment(3, 13),
    enrolment(4, 14, { status: 'withdrawn' }),
  ];
  it('counts invited / applied / complete / approved / certificates (withdrawn left out)', () => {
    expect(overview(list)).toEqual({ invited: 3, applied: 2, complete: 1, approved: 1, certificates: 1 });
  });
  it('lists who is missing what, with days to the deadline', () => {
    const rows = missingBeforeDeadline(list, '2022-11-30', '2022-11-20');
    expect(rows.map((r) => r.memberId)).toEqual([12, 13]);
    expect(rows[0]?.missing).toHaveLength(3);
    expect(rows[0]?.daysLeft).toBe(10);
    expect(daysLeftLabel(10)).toBe('距截止还有 10 天');
    expect(daysLeftLabel(-2)).toBe('已过截止日期 2 天');
    expect(deadlineLabel('2022-11-30')).toBe('2022 年 11 月 30 日');
  });
  it('flags enrolled members that left the alliance (R-P3)', () => {
    const status = (id: number) =>
      ({ 11: 'expelled', 12: 'active', 13: 'auto-withdrawn', 14: 'withdrawn' })[id] as never;
    expect(leftButEnrolled(list, status).map((e) => e.memberId)).toEqual([11, 13]);
  });
});

describe('application form', () => {
  const member = {
    name: '北京某某安全科技有限公司',
    postalAddress: '北京市海淀区中关村大街 1 号',
    contact: { name: '张三', position: '市场总监', mobile: '13800000000', email: 'zs@example.cn' },
  };
  it('pre-fills what the registry knows', () => {
    expect(formFromMember(member)).toEqual({
      unitName: '北京某某安全科技有限公司',
      contactName: '张三',
      mobile: '13800000000',
      position: '市场总监',
      email: 'zs@example.cn',
      postalAddress: '北京市海淀区中关村大街 1 号',
    });
  });
  it('reads the table values back from a filled Word form (hints are not values)', async () => {
    const bytes = await buildSunshineApplicationForm({
      ...formFromMember(member),
      serviceContent: '安全运维、安全咨询',
      financials: '2021 年收入 100 万元',
    });
    const read = readSunshineForm(bytes);
    expect(read).toMatchObject({
      unitName: member.name,
      contactName: '张三',
      mobile: '13800000000',
      email: 'zs@example.cn',
      serviceContent: '安全运维、安全咨询',
      financials: '2021 年收入 100 万元',
    });
    expect(read.qualifications).toBeUndefined();
    const zip = await JSZip.loadAsync(bytes);
    expect(zip.file('word/document.xml')).toBeTruthy();
  });
});
