import { deflateSync } from 'node:zlib';
/**
 * Sample inputs for every document builder, shared by the schema, content and render tests.
 */
import {
  SUNSHINE_SEED_ATTACHMENTS,
  SUNSHINE_SEED_NOTICE,
  buildBallot,
  buildCertificate,
  buildCertificatesBatch,
  buildDuesNotice,
  buildDuesNoticesBatch,
  buildMeetingNotice,
  buildMembershipApplication,
  buildMinutes,
  buildNotice,
  buildNoticeWithAttachments,
  buildSignInSheet,
  buildSunshineApplicationForm,
  buildSunshineDeclaration,
  buildTallySheet,
} from '../../../shared/documents';
import type {
  CertificateInput,
  DocOptions,
  DuesNoticeInput,
  MeetingInfo,
  MinutesInput,
} from '../../../shared/documents';

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (CRC_TABLE[(c ^ b) & 0xff] ?? 0) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** A red seal-like ring (RGBA PNG with a transparent background), standing in for a seal image. */
export function sealPng(size = 200): Uint8Array {
  const raw = Buffer.alloc((size * 4 + 1) * size);
  const c = size / 2;
  for (let y = 0; y < size; y++) {
    raw[y * (size * 4 + 1)] = 0; // filter: none
    for (let x = 0; x < size; x++) {
      const r = Math.hypot(x + 0.5 - c, y + 0.5 - c);
      const ring = r < c - 2 && r > c - 12;
      const star = Math.abs(x - c) + Math.abs(y - c) < size / 8;
      const o = y * (size * 4 + 1) + 1 + x * 4;
      if (ring || star) {
        raw[o] = 0xd0;
        raw[o + 1] = 0x10;
        raw[o + 2] = 0x10;
        raw[o + 3] = 0xc0;
      }
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(size, 0);
  ihdr.writeUInt32BE(size, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // RGBA
  return new Uint8Array(
    Buffer.concat([
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      chunk('IHDR', ihdr),
      chunk('IDAT', deflateSync(raw)),
      chunk('IEND', new Uint8Array(0)),
    ]),
  );
}

export const RED_PNG = sealPng();

export const OPTIONS: DocOptions = {
  contact: {
    name: '周梦妍',
    phone: '010-64102639',
    email: 'cciahyz@china-cia.org.cn',
    address: '北京市东城区安定门东大街 1 号 中国网络安全产业联盟秘书处',
  },
  bank: {
    accountName: '中国网络安全产业联盟',
    bank: '中国工商银行北京安定门支行',
    accountNumber: '0200 0000 0000 0000 000',
  },
};

export const STANDING_MEETING: MeetingInfo = {
  name: '中国网络安全产业联盟第二届常务理事会第三次会议',
  body: 'standing',
  form: 'onsite',
  date: '2025-03-18',
  time: '14:30',
  place: '北京市东城区安定门东大街 1 号会议室',
};

export const REMOTE_MEETING: MeetingInfo = {
  name: '中国网络安全产业联盟第二届理事会第二次会议',
  body: 'council',
  form: 'remote',
  date: '2025-06-10',
};

export const MEMBERS = Array.from({ length: 40 }, (_, i) => ({
  unitName: `示例网络安全科技有限公司第${i + 1}分公司`,
  representative: `代表${i + 1}`,
}));

/** A 计票表 row's figures: of 9 entitled, 7 present; 6 for, 0 against, 1 abstaining — passed, awaiting the guiding unit. */
export const TALLY_6_0_1 = {
  entitled: 9,
  present: 7,
  for: 6,
  against: 0,
  abstain: 1,
  notVoted: 0,
  result: '通过（待指导单位批准）',
};

export const MINUTES: MinutesInput = {
  meeting: STANDING_MEETING,
  chair: '张三',
  recorder: '李四',
  attendance: {
    entitled: 9,
    present: 7,
    leave: 1,
    absent: 1,
    presentNames: ['甲公司', '乙公司', '丙公司', '丁公司', '戊公司', '己公司', '庚公司'],
    leaveNames: ['辛公司'],
    absentNames: ['壬公司'],
    observers: ['秘书长 王五'],
  },
  quorate: true,
  quorumRequired: 6,
  agenda: [
    {
      title: '审议新会员入会申请',
      discussion: '秘书处汇报了 12 家单位的入会申请审查情况。\n与会常务理事进行了讨论。',
    },
    { title: '审议 2025 年工作计划', discussion: '会议听取了秘书处关于 2025 年工作计划的汇报。' },
  ],
  motions: [
    {
      title: '关于接纳 12 家单位为联盟会员的决议',
      tally: { for: 6, against: 0, abstain: 1, notVoted: 0 },
      outcome: '通过（待指导单位批准）',
      guidingDecision: { decision: '批准', date: '2025-03-25' },
    },
    {
      title: '关于 2025 年工作计划的决议',
      tally: { for: 4, against: 2, abstain: 1, notVoted: 0 },
      outcome: '未通过',
    },
  ],
  date: '2025-03-19',
};

export const CERTS: CertificateInput[] = [
  {
    kind: 'member',
    unitName: '北京示例网络安全技术有限公司',
    certificateNo: 'CCIA-HY-2025-001',
    issuedOn: '2025-03-26',
    issuer: '中国网络安全产业联盟',
  },
  {
    kind: 'director',
    unitName: '上海示例信息安全股份有限公司',
    certificateNo: 'CCIA-LS-2025-002',
    issuedOn: '2025-03-26',
    issuer: '中国网络安全产业联盟',
  },
  {
    kind: 'programme',
    programmeName: '网络安全服务阳光行动',
    unitName: '深圳示例安全服务有限公司',
    certificateNo: 'CCIA-YG-2022-015',
    issuedOn: '2022-12-20',
    issuer: '中国网络安全产业联盟',
  },
];

export const DUES: DuesNoticeInput[] = [
  {
    unitName: '北京示例网络安全技术有限公司',
    tier: 'member',
    year: 2025,
    amount: 5000,
    dueDate: '2025-01-31',
    docNumber: 'CCIA 秘[2025]003 号',
    date: '2025-01-06',
  },
  {
    unitName: '杭州示例数据安全有限公司',
    tier: 'member',
    year: 2025,
    amount: 2500,
    note: '按半年计收',
    dueDate: '2025-08-20',
    date: '2025-07-21',
  },
];

/** One sample of every document type, by file stem. */
export async function buildAllSamples(): Promise<Record<string, Uint8Array>> {
  return {
    'notice-seed': await buildNoticeWithAttachments(SUNSHINE_SEED_NOTICE, SUNSHINE_SEED_ATTACHMENTS),
    'notice-letterhead': await buildNoticeWithAttachments(SUNSHINE_SEED_NOTICE, SUNSHINE_SEED_ATTACHMENTS, {
      letterhead: { mark: '中国网络安全产业联盟文件' },
      colophon: { cc: '中央网信办网络安全协调局', printDate: '2022-09-16' },
    }),
    'notice-plain': await buildNotice(
      {
        ...SUNSHINE_SEED_NOTICE,
        body: '为做好有关工作，现通知如下：\n一、工作要求\n（一）按时报送。\n1. 材料齐全。',
        attachments: [],
      },
      { ...OPTIONS, fontScheme: 'windows', docNumberBrackets: 'tortoise', seal: { png: RED_PNG } },
    ),
    'sunshine-form-blank': await buildSunshineApplicationForm({}),
    'sunshine-form-filled': await buildSunshineApplicationForm({
      unitName: '深圳示例安全服务有限公司',
      contactName: '赵六',
      mobile: '13800000000',
      position: '市场总监',
      email: 'zhao@example.com',
      postalAddress: '深圳市南山区科技园 1 号',
      serviceContent: '安全运维、安全咨询',
      qualifications: 'CCRC 信息安全服务资质认证证书安全运维一级',
      domainsAndClients: '服务领域：政务、金融\n客户规模：政务领域客户 30 家',
      staffing: '120 人，其中高级服务人员占比 20%',
      financials: '2021 年收入 5000 万元，利润 500 万元，成本 4500 万元。',
      strengths: '渗透测试与应急响应。',
      applicationDate: '2022-10-08',
    }),
    'sunshine-declaration': await buildSunshineDeclaration(),
    'membership-application': await buildMembershipApplication({}),
    'certificate-member': await buildCertificate(CERTS[0]!, { seal: { png: RED_PNG } }),
    'certificates-batch': await buildCertificatesBatch(CERTS),
    'meeting-notice': await buildMeetingNotice(
      {
        meeting: REMOTE_MEETING,
        docNumber: 'CCIA 秘[2025]021 号',
        addressee: '各理事单位',
        agenda: ['审议《联盟 2024 年工作报告》', '审议《联盟 2024 年财务报告》'],
        returnBy: '2025-06-09',
        date: '2025-05-30',
        attachments: ['表决票'],
      },
      {
        ...OPTIONS,
        attachmentsInline: [
          {
            kind: 'ballot',
            ballot: {
              meeting: REMOTE_MEETING,
              motions: [{ title: '《联盟 2024 年工作报告》' }],
              returnBy: '2025-06-09',
            },
          },
        ],
      },
    ),
    'sign-in': await buildSignInSheet({ meeting: STANDING_MEETING, entitled: MEMBERS }),
    ballot: await buildBallot({
      meeting: REMOTE_MEETING,
      motions: [{ title: '《联盟 2024 年工作报告》' }, { title: '《联盟 2024 年财务报告》' }],
      returnBy: '2025-06-09',
    }),
    tally: await buildTallySheet({
      meeting: STANDING_MEETING,
      attendance: { entitled: 9, present: 7, quorate: true },
      motions: [
        { title: '关于接纳 12 家单位为联盟会员的决议', ...TALLY_6_0_1 },
        {
          title: '关于 2025 年工作计划的决议',
          entitled: 9,
          present: 7,
          for: 4,
          against: 2,
          abstain: 1,
          notVoted: 0,
          result: '未通过',
          named: [
            { unit: '甲公司', choice: '同意' },
            { unit: '乙公司', choice: '反对' },
          ],
        },
      ],
    }),
    minutes: await buildMinutes(MINUTES),
    'minutes-full': await buildMinutes({
      ...MINUTES,
      attendance: { ...MINUTES.attendance, unmarked: 1, unmarkedNames: ['癸公司'] },
      motions: MINUTES.motions.map((m) => ({
        ...m,
        text: '议案全文第一段。\n议案全文第二段。',
        named: [{ unit: '甲公司', choice: '同意' }],
      })),
    }),
    'dues-notice': await buildDuesNotice(DUES[0]!, OPTIONS),
    'dues-notice-paid': await buildDuesNotice({ ...DUES[0]!, paid: 2000, outstanding: 3000 }, OPTIONS),
    'dues-batch': await buildDuesNoticesBatch(DUES, OPTIONS),
  };
}

/** Text with XML specials, emoji, forbidden control characters and lone surrogates. */
export const NASTY = `A&B <tag> "quoted" 'single' 😀🀄 \u0000\u0001\u0008\u000B\u000C\u001F\uFFFE\uFFFF \uD800 \uDC00 end`;
/** A 10,000-character field. */
export const HUGE = '网络安全'.repeat(2500);

/** Every builder with hostile input: specials, emoji, control characters, 10,000-character and empty fields. */
export async function buildNastySamples(): Promise<Record<string, Uint8Array>> {
  const meeting = { name: NASTY, form: 'remote' as const, date: 'not a date', place: HUGE };
  const anyInput = {} as never;
  return {
    'nasty-notice': await buildNoticeWithAttachments(
      {
        title: NASTY,
        docNumber: NASTY,
        addressee: NASTY,
        body: `${NASTY}\n一、${HUGE}\n\n（一）${NASTY}\n1. ${NASTY}`,
        attachments: [NASTY, HUGE, ''],
        issuer: NASTY,
        date: '',
      },
      [
        { kind: 'sunshine-form', values: { unitName: NASTY, strengths: HUGE } },
        { kind: 'sunshine-declaration' },
        { kind: 'membership-application', values: { unitName: NASTY, businessAreas: HUGE } },
        { kind: 'text', title: NASTY, body: HUGE },
        { kind: 'ballot', ballot: { meeting, motions: [{ title: NASTY }] } },
      ],
      { contact: { name: NASTY, email: NASTY }, seal: { png: new Uint8Array([1, 2, 3]) } },
    ),
    'nasty-empty-notice': await buildNotice(anyInput),
    'nasty-form': await buildSunshineApplicationForm({
      unitName: HUGE,
      email: NASTY,
      financials: `${NASTY}\n${NASTY}`,
    }),
    'nasty-empty-form': await buildSunshineApplicationForm(anyInput),
    'nasty-membership': await buildMembershipApplication({
      unitName: NASTY,
      representative: { name: NASTY },
      materials: { application: true, report: true },
      applicationDate: '2025-02-30',
    }),
    'nasty-cert': await buildCertificate({
      kind: 'programme',
      unitName: HUGE,
      certificateNo: NASTY,
      issuedOn: '',
      issuer: NASTY,
      programmeName: NASTY,
    }),
    'nasty-empty-cert': await buildCertificate(anyInput),
    'nasty-cert-batch': await buildCertificatesBatch([anyInput, { ...CERTS[0]!, unitName: NASTY }]),
    'nasty-empty-batch': await buildCertificatesBatch([]),
    'nasty-sign-in': await buildSignInSheet({
      meeting,
      entitled: [{ unitName: NASTY }, { unitName: HUGE, observer: true }],
    }),
    'nasty-empty-sign-in': await buildSignInSheet(anyInput),
    'nasty-ballot': await buildBallot({
      meeting,
      motions: [{ title: HUGE }],
      voterUnits: [NASTY],
      returnBy: NASTY,
    }),
    'nasty-empty-ballot': await buildBallot(anyInput),
    'nasty-tally': await buildTallySheet({
      meeting,
      attendance: { entitled: Number.NaN, present: Infinity, quorate: true },
      motions: [
        {
          title: NASTY,
          for: Number.NaN,
          against: Infinity,
          result: HUGE,
          named: [{ unit: NASTY, choice: HUGE }, null as never],
        },
      ],
    }),
    'nasty-empty-tally': await buildTallySheet(anyInput),
    'nasty-minutes': await buildMinutes({
      ...MINUTES,
      meeting,
      chair: NASTY,
      body: HUGE,
      agenda: [{ title: NASTY, discussion: HUGE }],
      attendance: { ...MINUTES.attendance, unmarked: Number.NaN, unmarkedNames: [NASTY, HUGE] },
      motions: [
        {
          title: NASTY,
          text: HUGE,
          outcome: NASTY,
          guidingDecision: { decision: NASTY, date: NASTY },
          named: [{ unit: NASTY, choice: NASTY }, null as never],
        },
      ],
    }),
    'nasty-empty-minutes': await buildMinutes(anyInput),
    'nasty-meeting-notice': await buildMeetingNotice({
      meeting,
      docNumber: NASTY,
      addressee: NASTY,
      agenda: [NASTY, HUGE],
      requirements: [NASTY],
      date: NASTY,
    }),
    'nasty-empty-meeting-notice': await buildMeetingNotice(anyInput),
    'nasty-dues': await buildDuesNotice(
      { ...DUES[0]!, unitName: NASTY, note: HUGE, amount: Number.NaN, paid: 5, asOf: NASTY },
      { bank: { accountName: NASTY, bank: HUGE, accountNumber: NASTY } },
    ),
    'nasty-empty-dues': await buildDuesNotice(anyInput),
    'nasty-dues-batch': await buildDuesNoticesBatch([anyInput, DUES[1]!]),
  };
}
