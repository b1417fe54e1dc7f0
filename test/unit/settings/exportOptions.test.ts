/**
 * Every Word export follows 公文设置 (issue 15): each word.ts mapping takes the ExportOptions that only
 * documentOptionsFromSettings makes, and hands them to its builder. The builders are replaced by spies;
 * every export of every word.ts is called with the Windows scheme and each builder call must carry it.
 * The table below must name every export of the word.ts files (a new paper fails here until it is listed),
 * and nothing in the renderer but documentOptionsFromSettings may mint ExportOptions.
 */
import { describe, expect, it, vi } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

const calls = vi.hoisted(() => [] as { builder: string; args: unknown[] }[]);

/** Each build* of shared/documents replaced by a spy answering a one-byte "file". */
vi.mock('../../../shared/documents', async (importOriginal) => {
  const real = await importOriginal<Record<string, unknown>>();
  const out: Record<string, unknown> = { ...real };
  for (const [k, v] of Object.entries(real))
    if (k.startsWith('build') && typeof v === 'function')
      out[k] = async (...args: unknown[]) => {
        calls.push({ builder: k, args });
        return new Uint8Array([1]);
      };
  return out;
});
vi.mock('../../../shared/documents/annualReport', async (importOriginal) => ({
  ...(await importOriginal<Record<string, unknown>>()),
  buildAnnualReport: async (...args: unknown[]) => {
    calls.push({ builder: 'buildAnnualReport', args });
    return new Uint8Array([1]);
  },
}));

const { exportOptions } = await import('../../../renderer/src/features/settings/exportOptions');
const applications = await import('../../../renderer/src/features/applications/word');
const documents = await import('../../../renderer/src/features/documents/word');
const dues = await import('../../../renderer/src/features/dues/word');
const meetings = await import('../../../renderer/src/features/meetings/word');
const programmes = await import('../../../renderer/src/features/programmes/word');
const report = await import('../../../renderer/src/features/report/word');

const OPTS = exportOptions({ fontScheme: 'windows' });
const AT = '2026-03-01T00:00:00.000Z';

const meetingRecord = {
  meeting: {
    id: 1,
    body: 'standing' as const,
    form: 'onsite' as const,
    name: '2026年第一次常务理事会',
    date: '2026-03-02',
    place: '北京',
    chair: '王主持',
    recorder: '周梦妍',
    entitled: [{ memberId: 1, name: '甲公司', representative: '张三' }],
    createdAt: AT,
    updatedAt: AT,
  },
  attendance: [],
  agenda: [],
  motions: [],
  ballots: [],
};
const member = { name: '甲公司', contact: { name: '李四', phone: '13800000000' }, postalAddress: '北京' };
const certificate = {
  kind: 'programme' as const,
  unitName: '甲公司',
  certificateNo: 'YGXD-2026-001',
  issuedOn: '2026-03-02',
  issuer: '中国网络安全产业联盟',
  programmeName: '阳光行动',
};
const outgoing = {
  id: 7,
  year: 2026,
  type: '通知',
  title: '关于召开理事会的通知',
  addressee: '各理事单位',
  body: '正文。',
  attachments: [],
  issuer: '中国网络安全产业联盟秘书处',
  date: '2026-03-02',
  status: 'draft' as const,
  createdAt: AT,
  updatedAt: AT,
  certificateBatch: { kind: 'programme' as const, programmeName: '阳光行动', items: [] },
};
const duesCtx = {
  year: 2026,
  date: '2026-03-02',
  bank: { accountName: '中国网络安全产业联盟', bank: '工商银行', accountNo: '1' },
  options: OPTS,
};
const ledgerRow = {
  name: '甲公司',
  tier: 'member',
  amount: 5000,
  halved: false,
  override: false,
  dueOn: '2026-03-31',
  paid: 0,
  outstanding: 5000,
};

/** How each Word export is called, by module and export name, and the builders it must reach. */
const EXPORTS: Record<string, Record<string, { call: () => Promise<unknown>; builders: string[] }>> = {
  applications: {
    membershipApplicationDocx: {
      call: () =>
        applications.membershipApplicationDocx({ unit: { name: '甲公司' }, materials: [] } as never, OPTS),
      builders: ['buildMembershipApplication'],
    },
    memberCertificateDocx: {
      call: () =>
        applications.memberCertificateDocx(
          { certificateNo: 'CCIA-2026-001', issuedOn: '2026-03-02' } as never,
          '甲公司',
          OPTS,
        ),
      builders: ['buildCertificate'],
    },
  },
  documents: {
    documentDocx: { call: () => documents.documentDocx(outgoing as never, OPTS), builders: ['buildNotice'] },
    certificateBatchDocx: {
      call: () => documents.certificateBatchDocx(outgoing as never, OPTS),
      builders: ['buildCertificatesBatch'],
    },
  },
  dues: {
    buildDuesNoticesDocx: {
      call: () => dues.buildDuesNoticesDocx([ledgerRow] as never, duesCtx),
      builders: ['buildDuesNoticesBatch'],
    },
    buildDuesNoticesZip: {
      call: () => dues.buildDuesNoticesZip([ledgerRow] as never, duesCtx),
      builders: ['buildDuesNotice'],
    },
  },
  meetings: {
    buildMinutesDocx: {
      call: () => meetings.buildMinutesDocx(meetingRecord, OPTS),
      builders: ['buildMinutes'],
    },
    buildSignInDocx: {
      call: () => meetings.buildSignInDocx(meetingRecord, OPTS),
      builders: ['buildSignInSheet'],
    },
    buildBallotsDocx: {
      call: () => meetings.buildBallotsDocx(meetingRecord, OPTS),
      builders: ['buildBallot'],
    },
    buildTallyDocx: {
      call: () => meetings.buildTallyDocx(meetingRecord, OPTS),
      builders: ['buildTallySheet'],
    },
  },
  programmes: {
    applicationFormDocx: {
      call: () => programmes.applicationFormDocx(member as never, undefined, OPTS),
      builders: ['buildSunshineApplicationForm'],
    },
    applicationFormsZip: {
      call: () =>
        programmes.applicationFormsZip(
          { name: '阳光行动' },
          [{ memberId: 1 }] as never,
          () => member as never,
          OPTS,
        ),
      builders: ['buildSunshineApplicationForm'],
    },
    certificatesDocx: {
      call: () => programmes.certificatesDocx({ name: '阳光行动' }, [certificate], OPTS),
      builders: ['buildCertificatesBatch'],
    },
    certificatesZip: {
      call: () => programmes.certificatesZip({ name: '阳光行动' }, [certificate], OPTS),
      builders: ['buildCertificate'],
    },
  },
  report: {
    // The report desk passes documentOptionsFromSettings() itself (features/report/index.tsx).
    reportDocx: {
      call: () => report.reportDocx({ year: 2026, end: '2026-12-31' } as never, [], OPTS),
      builders: ['buildAnnualReport'],
    },
  },
};

const MODULES: Record<string, Record<string, unknown>> = {
  applications,
  documents,
  dues,
  meetings,
  programmes,
  report,
};

/** The Word exports of a word.ts: its functions that end in Docx or Zip (the input mappings are pure data). */
const wordExports = (m: Record<string, unknown>) =>
  Object.keys(m)
    .filter((k) => typeof m[k] === 'function' && /(?:Docx|Zip)$/.test(k))
    .sort();

describe("every Word export carries the clerk's 公文设置 (font scheme) to its builder", () => {
  it('the table names every Word export of every word.ts', () => {
    const dir = path.resolve(__dirname, '../../../renderer/src/features');
    const withWord = readdirSync(dir).filter((d) => {
      try {
        return statSync(path.join(dir, d, 'word.ts')).isFile();
      } catch {
        return false;
      }
    });
    expect(withWord.sort()).toEqual(Object.keys(MODULES).sort());
    for (const [name, m] of Object.entries(MODULES))
      expect(wordExports(m)).toEqual(Object.keys(EXPORTS[name]!).sort());
  });

  for (const [mod, list] of Object.entries(EXPORTS))
    for (const [name, e] of Object.entries(list))
      it(`${mod}/word.ts ${name} → ${e.builders.join(', ')}`, async () => {
        calls.length = 0;
        await e.call();
        expect(calls.map((c) => c.builder)).toEqual(expect.arrayContaining(e.builders));
        for (const c of calls) {
          // The options are the builder's last object argument (after the input, before a progress callback).
          const options = c.args.filter((a) => a && typeof a === 'object' && !Array.isArray(a)).at(-1);
          expect(options, `${c.builder} options`).toMatchObject({ fontScheme: 'windows' });
        }
      });

  it('only documentOptionsFromSettings mints ExportOptions in the renderer', () => {
    const root = path.resolve(__dirname, '../../../renderer/src');
    const offenders: string[] = [];
    const walk = (d: string) => {
      for (const e of readdirSync(d, { withFileTypes: true })) {
        const p = path.join(d, e.name);
        if (e.isDirectory()) walk(p);
        else if (/\.tsx?$/.test(e.name) && /\bexportOptions\(/.test(readFileSync(p, 'utf8')))
          offenders.push(path.relative(root, p));
      }
    };
    walk(root);
    expect(offenders.sort()).toEqual([
      'features/settings/documentSettings.ts',
      'features/settings/exportOptions.ts',
    ]);
  });
});
