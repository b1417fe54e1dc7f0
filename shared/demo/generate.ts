/**
 * The demo dataset: fictional member units with realistic Chinese names and valid credit codes,
 * directors and standing directors, three years of meetings, dues and activities. Deterministic
 * for a given seed and `asOf` date. Used by 设置 → 加载演示数据, by tests and by the benchmarks
 * (10,000 members). Pure: records come out with ids assigned, ready for bulkAdd.
 */
import type {
  Activity,
  AgendaItem,
  AttendanceRecord,
  ContactChange,
  EntitledEntry,
  Meeting,
  Member,
  Motion,
  Office,
  Participation,
  Payment,
  Person,
  TierChange,
} from '../domain/records';
import type { Body, OfficeRole, Tier } from '../domain/types';
import { addDays, addYears, annualDues, creditCodeCheckChar } from '../charter';
import { buildSearchText } from '../search/searchText';

export interface DemoOptions {
  members?: number;
  seed?: number;
  /** The "today" of the dataset, `YYYY-MM-DD`. */
  asOf: string;
}

export interface DemoDataset {
  members: Member[];
  contactChanges: ContactChange[];
  tierChanges: TierChange[];
  offices: Office[];
  meetings: Meeting[];
  attendance: AttendanceRecord[];
  agendaItems: AgendaItem[];
  motions: Motion[];
  activities: Activity[];
  participations: Participation[];
  payments: Payment[];
}

function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CITIES: [string, string, string][] = [
  ['北京', '110108', '北京市海淀区中关村大街'],
  ['上海', '310115', '上海市浦东新区张江路'],
  ['深圳', '440305', '广东省深圳市南山区科技园'],
  ['杭州', '330106', '浙江省杭州市西湖区文三路'],
  ['广州', '440106', '广东省广州市天河区天河路'],
  ['成都', '510107', '四川省成都市武侯区天府大道'],
  ['武汉', '420111', '湖北省武汉市洪山区光谷大道'],
  ['南京', '320115', '江苏省南京市江宁区秣周东路'],
  ['西安', '610131', '陕西省西安市雁塔区高新路'],
  ['天津', '120116', '天津市滨海新区华苑产业区'],
  ['合肥', '340104', '安徽省合肥市蜀山区望江西路'],
  ['济南', '370112', '山东省济南市历城区舜华路'],
  ['长沙', '430104', '湖南省长沙市岳麓区麓谷大道'],
  ['福州', '350102', '福建省福州市鼓楼区软件大道'],
  ['重庆', '500112', '重庆市渝北区金开大道'],
  ['郑州', '410105', '河南省郑州市金水区郑东新区'],
  ['沈阳', '210112', '辽宁省沈阳市浑南区创新路'],
  ['苏州', '320505', '江苏省苏州市虎丘区狮山路'],
];
const BRAND_A = '安信盾锐恒启天云数智华联中科泰卫鼎融汇清明创维远达博'.split('');
const BRAND_B = '安信盾锐恒御辰源捷迅宸迪瀚图擎翼腾域澜衡舟谷岳策'.split('');
const SUFFIX: [string, string, string][] = [
  ['信息安全技术有限公司', '企业', '网络安全产品研发、安全服务'],
  ['网络科技有限公司', '企业', '网络安全技术服务、安全运维'],
  ['网络安全技术股份有限公司', '企业', '防火墙、入侵检测、态势感知产品'],
  ['数据科技有限公司', '企业', '数据安全、隐私计算'],
  ['信息技术研究院', '事业单位', '网络安全测评认证、标准研究'],
  ['密码技术有限公司', '企业', '商用密码产品与服务'],
  ['网络安全教育科技有限公司', '企业', '网络安全教育培训、攻防演练'],
];
const SURNAMES =
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝龚邵万钱严覃武戴莫孔向汤'.split(
    '',
  );
const GIVEN =
  '伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉萍红玲飞鹏辉斌宇浩凯健俊帆帅旭宁龙林欣瑶雪梅琳晨婷楠博文昊然子轩思远志远嘉怡梦妍'.split(
    '',
  );
const REP_POS = ['董事长', '总经理', '总裁', '副总裁', '首席技术官', '院长'];
const CONTACT_POS = ['市场总监', '品牌经理', '战略合作经理', '总裁办主任', '行政经理', '综合办主任'];
const CC_CHARS = '0123456789ABCDEFGHJKLMNPQRTUWXY';

function pad(n: number): string {
  return String(n).padStart(2, '0');
}

export function generateDemo(opts: DemoOptions): DemoDataset {
  const count = opts.members ?? 300;
  const rand = rng(opts.seed ?? 20221116);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)]!;
  const int = (lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));
  const asOf = opts.asOf;
  const thisYear = Number(asOf.slice(0, 4));
  const years = [thisYear - 2, thisYear - 1, thisYear];
  const now = `${asOf}T09:00:00.000Z`;
  const dateIn = (y: number, fromMonth = 1, toMonth = 12) =>
    `${y}-${pad(int(fromMonth, toMonth))}-${pad(int(1, 28))}`;
  const clampToAsOf = (d: string) => (d > asOf ? asOf : d);

  const person = (positions: readonly string[], domain: string): Person => {
    const name = pick(SURNAMES) + pick(GIVEN) + (rand() < 0.5 ? pick(GIVEN) : '');
    return {
      name,
      position: pick(positions),
      mobile: `1${pick(['38', '39', '58', '86', '36', '37', '89', '77'])}${String(int(0, 99999999)).padStart(8, '0')}`,
      email: `${String.fromCharCode(97 + int(0, 25))}${int(100, 999)}@${domain}`,
    };
  };

  const names = new Set<string>();
  const codes = new Set<string>();
  const ds: DemoDataset = {
    members: [],
    contactChanges: [],
    tierChanges: [],
    offices: [],
    meetings: [],
    attendance: [],
    agendaItems: [],
    motions: [],
    activities: [],
    participations: [],
    payments: [],
  };

  // Members. The first 9 are the standing directors (the first one the chair), the next ~12% directors.
  const directorCount = Math.max(20, Math.round(count * 0.12));
  for (let i = 1; i <= count; i++) {
    let name = '';
    let city: [string, string, string] = CITIES[0]!;
    let suffix: [string, string, string] = SUFFIX[0]!;
    for (let tries = 0; tries < 1000; tries++) {
      city = pick(CITIES);
      suffix = pick(SUFFIX);
      name = `${city[0]}${pick(BRAND_A)}${pick(BRAND_B)}${suffix[0]}`;
      if (!names.has(name)) break;
      name = `${city[0]}${pick(BRAND_A)}${pick(BRAND_B)}${pick(BRAND_A)}${suffix[0]}`;
      if (!names.has(name)) break;
    }
    names.add(name);
    let code = '';
    do {
      const org = Array.from({ length: 9 }, () => CC_CHARS[int(0, CC_CHARS.length - 1)]).join('');
      const first17 = `${suffix[1] === '事业单位' ? '12' : '91'}${city[1]}${org}`;
      code = first17 + creditCodeCheckChar(first17);
    } while (codes.has(code));
    codes.add(code);

    const tier: Tier = i === 1 ? 'chair' : i <= 9 ? 'standing' : i <= directorCount ? 'director' : 'member';
    // Founders and directors joined early; the rest spread over the years, a few this year after 1 July.
    const approvedOn =
      i <= directorCount
        ? `${int(2016, thisYear - 4)}-${pad(int(1, 12))}-${pad(int(1, 28))}`
        : i % 25 === 0
          ? clampToAsOf(dateIn(thisYear, 7, 10))
          : `${int(2016, thisYear - 1)}-${pad(int(1, 12))}-${pad(int(1, 28))}`;
    const domain = `demo${i}.example.cn`;
    const fields = {
      name,
      creditCode: code,
      region: city[2].slice(0, city[2].indexOf('市') + 1) || city[0],
      nature: suffix[1],
      business: suffix[2],
      tier,
      representative: person(REP_POS, domain),
      contact: person(CONTACT_POS, domain),
      postalAddress: `${city[2]}${int(1, 300)}号`,
    };
    const m: Member = {
      id: i,
      ...fields,
      status: 'active',
      approvedOn,
      searchText: buildSearchText(fields),
      createdAt: now,
      updatedAt: now,
    };
    // A few leavers (kept, never deleted: R-M10) and one withdrawal in progress (R-M6).
    if (i > directorCount && i % 97 === 0) {
      const on = dateIn(thisYear - 1);
      m.status = 'withdrawn';
      m.left = { on, how: 'withdrawn', reason: '书面申请退会' };
    } else if (i > directorCount && i % 151 === 0) {
      m.status = 'expelled';
      m.left = {
        on: dateIn(thisYear - 1),
        how: 'expelled',
        reason: '严重违反联盟章程',
        resolutionRef: `常务理事会决议 ${thisYear - 1}-03`,
      };
    } else if (i === directorCount + 7) {
      const received = addDays(asOf, -3);
      m.status = 'withdrawing';
      m.withdrawal = {
        noticeReceivedOn: received,
        effectiveOn: addDays(received, 30),
        reportDueBy: addDays(received, 7),
      };
    }
    ds.members.push(m);
    ds.contactChanges.push(
      {
        memberId: i,
        role: 'representative',
        person: m.representative,
        noticeOn: approvedOn,
        recordedAt: now,
      },
      { memberId: i, role: 'contact', person: m.contact, noticeOn: approvedOn, recordedAt: now },
    );
    ds.tierChanges.push({ memberId: i, tier, effectiveFrom: approvedOn, reason: '入会', recordedAt: now });
  }
  const active = (on: string) => ds.members.filter((m) => m.approvedOn! <= on && (!m.left || m.left.on > on));

  // Offices: the current term started three years ago less a little, so some terms end within 90 days.
  const termStart = addDays(addYears(asOf, -3), 45);
  const termEnd = addDays(addYears(termStart, 3), -1);
  let officeId = 1;
  for (const m of ds.members.slice(0, directorCount)) {
    const role = m.tier === 'chair' ? 'chair' : m.tier === 'standing' ? 'standing' : 'director';
    // The chair also sits on the standing council; chair and standing members also on the council.
    const held: OfficeRole[] = [...(role === 'chair' ? ['standing' as const] : []), role];
    if (role !== 'director') held.push('director');
    for (const r of held)
      ds.offices.push({
        id: officeId++,
        role: r,
        memberId: m.id!,
        holderName: m.representative.name,
        startOn: termStart,
        endOn: termEnd,
        createdAt: now,
      });
  }
  ds.offices.push({
    id: officeId++,
    role: 'secretary-general',
    memberId: 2,
    holderName: '周明远',
    startOn: termStart,
    endOn: termEnd,
    createdAt: now,
  });

  // Meetings: each year one assembly, one council (the last one remote), standing council every half year.
  let meetingId = 1;
  let agendaId = 1;
  let motionId = 1;
  let attendanceId = 1;
  const directors = ds.members.slice(0, directorCount);
  const standing = ds.members.slice(0, 9);
  const plan: { body: Body; date: string; form: 'onsite' | 'remote' }[] = [];
  for (const y of years) {
    plan.push({ body: 'assembly', date: `${y}-03-${pad(int(10, 28))}`, form: 'onsite' });
    plan.push({
      body: 'council',
      date: `${y}-04-${pad(int(10, 28))}`,
      form: y === thisYear ? 'remote' : 'onsite',
    });
    plan.push({ body: 'standing', date: `${y}-02-${pad(int(10, 28))}`, form: 'onsite' });
    plan.push({ body: 'standing', date: `${y}-08-${pad(int(10, 28))}`, form: 'onsite' });
  }
  const bodyName: Record<Body, string> = { assembly: '会员大会', council: '理事会', standing: '常务理事会' };
  const standingMeetings = plan
    .filter((p) => p.body === 'standing' && p.date <= asOf)
    .map((p) => p.date)
    .sort();
  const lastTwoStanding = standingMeetings.slice(-2);
  for (const p of plan.filter((x) => x.date <= asOf).sort((a, b) => a.date.localeCompare(b.date))) {
    const pool = p.body === 'assembly' ? active(p.date) : p.body === 'council' ? directors : standing;
    const entitled: EntitledEntry[] = pool.map((m) => ({
      memberId: m.id!,
      name: m.name,
      representative: m.representative.name,
    }));
    if (p.body === 'standing')
      entitled.push({ memberId: 0, name: '秘书长', representative: '周明远', observer: true });
    const y = p.date.slice(0, 4);
    const seqInYear = ds.meetings.filter((m) => m.body === p.body && m.date.startsWith(y)).length + 1;
    const meeting: Meeting = {
      id: meetingId++,
      body: p.body,
      form: p.form,
      name: `中国网络安全产业联盟${y}年第${'一二三四'[seqInYear - 1]}次${bodyName[p.body]}${p.form === 'remote' ? '（通讯）' : ''}`,
      date: p.date,
      place: p.form === 'remote' ? '通讯方式' : '北京市东城区安定门东大街 1 号',
      chair: standing[0]!.representative.name,
      recorder: '周梦妍',
      entitled,
      createdAt: now,
      updatedAt: now,
    };
    ds.meetings.push(meeting);
    let present = 0;
    for (const e of entitled) {
      if (e.observer) {
        ds.attendance.push({
          id: attendanceId++,
          meetingId: meeting.id!,
          memberId: e.memberId,
          status: 'observer',
          attendee: e.representative,
          updatedAt: now,
        });
        continue;
      }
      // Standing director no. 9 missed the last two standing-council meetings (R-O6 flag).
      const forcedAbsent = p.body === 'standing' && e.memberId === 9 && lastTwoStanding.includes(p.date);
      const r = rand();
      const status = forcedAbsent ? 'absent' : r < 0.85 ? 'present' : r < 0.93 ? 'leave' : 'absent';
      if (status === 'present') present++;
      const rec: AttendanceRecord = {
        id: attendanceId++,
        meetingId: meeting.id!,
        memberId: e.memberId,
        status,
        updatedAt: now,
      };
      if (status === 'present') rec.attendee = e.representative;
      if (p.form === 'remote') {
        rec.ballotSentOn = addDays(p.date, -7);
        if (status === 'present') rec.ballotReturnedOn = addDays(p.date, -int(0, 5));
      }
      ds.attendance.push(rec);
    }
    const items =
      p.body === 'assembly'
        ? ['审议秘书处年度工作报告', '审议年度财务报告']
        : p.body === 'council'
          ? ['审议年度工作计划', '审议会费收支情况']
          : ['审议新会员入会申请', '审议专项行动工作安排'];
    items.forEach((title, idx) => {
      const item: AgendaItem = {
        id: agendaId++,
        meetingId: meeting.id!,
        order: idx + 1,
        title,
        discussion: `与会代表就“${title}”进行了讨论，一致认为相关工作扎实有序，建议秘书处进一步做好会员服务。`,
        updatedAt: now,
      };
      ds.agendaItems.push(item);
      const forVotes = Math.max(0, present - int(0, 2));
      const against = Math.min(present - forVotes, int(0, 1));
      const motion: Motion = {
        id: motionId++,
        meetingId: meeting.id!,
        agendaItemId: item.id!,
        title: `关于${title.replace(/^审议/, '')}的议案`,
        text: `提请${bodyName[p.body]}审议。`,
        tallyMode: 'counts',
        counts: { for: forVotes, against, abstain: present - forVotes - against },
        createdAt: now,
        updatedAt: now,
      };
      if (p.body === 'standing')
        motion.guidingDecision = {
          decision: 'approved',
          on: addDays(p.date, 14) > asOf ? asOf : addDays(p.date, 14),
        };
      ds.motions.push(motion);
    });
  }

  // Activities and participation (R-M7: a few members have not taken part for over 12 months).
  let activityId = 1;
  const kinds = ['会议', '培训', '研讨', '调研'];
  const activityNames = [
    '网络安全产业发展论坛',
    '网络安全服务成本度量培训',
    '数据安全技术研讨会',
    '会员单位走访调研',
    '网络安全宣传周活动',
  ];
  for (const y of years) {
    for (let k = 0; k < 5; k++) {
      const date = `${y}-${pad(2 + k * 2)}-${pad(int(5, 25))}`;
      if (date > asOf) continue;
      const a: Activity = {
        id: activityId++,
        name: `${y}年${activityNames[k]!}`,
        kind: kinds[k % kinds.length]!,
        date,
        place: '北京',
        createdAt: now,
      };
      ds.activities.push(a);
      for (const m of active(date)) {
        if (m.id! % 13 === 5) continue; // never takes part
        if (rand() < 0.35) ds.participations.push({ activityId: a.id!, memberId: m.id!, date });
      }
    }
  }

  // Dues: most pay on time; a few pay part; members numbered 7 mod 17 have not paid this year.
  let paymentId = 1;
  // Every year since approval is paid (the ledger goes back to each member's first year), bar the
  // deliberate gaps of this year below.
  for (const m of ds.members) {
    for (let y = Number(m.approvedOn!.slice(0, 4)); y <= thisYear; y++) {
      const approvedYear = Number(m.approvedOn!.slice(0, 4));
      if (y < approvedYear) continue;
      if (m.left && Number(m.left.on.slice(0, 4)) < y) continue;
      const due = annualDues({ tier: m.tier, year: y, approvedOn: m.approvedOn! });
      if (due.dueOn > asOf && y === thisYear) continue;
      if (y === thisYear && m.id! % 17 === 7) continue;
      const partial = m.id! % 23 === 3 && y === thisYear;
      const paidOn = clampToAsOf(addDays(due.dueOn, -int(0, 20)));
      ds.payments.push({
        id: paymentId++,
        memberId: m.id!,
        year: y,
        paidOn,
        amount: partial ? Math.floor(due.amount / 2) : due.amount,
        method: '银行转账',
        receiptNo: `${y}-${String(paymentId).padStart(5, '0')}`,
        recordedAt: now,
      });
    }
  }
  return ds;
}
