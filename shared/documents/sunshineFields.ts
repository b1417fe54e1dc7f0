/**
 * The fields of the “网络安全服务阳光行动” member-unit application form (附件1), in the paper's order: the one
 * list the builder (sunshine.ts), the reader of a returned form (sunshineRead.ts) and the desk's form share.
 * No docx import here: the reader runs in a Worker.
 */

/** Values of the Sunshine member-unit application form (fixed API), plus the application date. */
export interface SunshineFormValues {
  unitName: string;
  contactName: string;
  mobile: string;
  position: string;
  email: string;
  postalAddress: string;
  serviceContent: string;
  qualifications: string;
  domainsAndClients: string;
  staffing: string;
  financials: string;
  strengths: string;
  /** 'YYYY-MM-DD'; empty: the blank 年 月 日 line to fill in by hand. */
  applicationDate?: string;
}

/** A field the clerk fills on the desk (not the application date: the applicant dates the paper by hand). */
export type SunshineFormKey = Exclude<keyof SunshineFormValues, 'applicationDate'>;

/** The seed's rows with multi-line values and their grey 例：… hints (the seed's words, one line each). */
export const SUNSHINE_FORM_ROWS: readonly {
  key: keyof SunshineFormValues;
  label: string;
  hint: readonly string[];
}[] = [
  {
    key: 'serviceContent',
    label: '网络安全服务内容',
    hint: ['例：安全运维、安全咨询、安全托管、安全集成...'],
  },
  {
    key: 'qualifications',
    label: '网络安全服务资质',
    hint: [
      '例：CCRC 信息安全服务资质认证证书应急处理一级、CCRC 信息安全服务资质认证证书风险评估一级、CCRC 信息安全服务资质认证证书安全运维一级...',
    ],
  },
  {
    key: 'domainsAndClients',
    label: '网络安全服务领域及客户规模',
    hint: ['例：服务领域：政务、卫生、教育、金融...', '客户规模：政务领域客户 XX 家、卫生领域客户 XX 家...'],
  },
  {
    key: 'staffing',
    label: '从事网络安全服务工作人员数量及各级别服务人员占比',
    hint: [
      '例：我公司从事网络安全服务工作的人员数量为 XX 人，其中专家/资深服务人员占比 XX%、高级服务人员占比 XX%、中级服务人员占比 XX%、一般服务人员占比 XX%',
    ],
  },
  {
    key: 'financials',
    label: '近三年网络安全服务收入、利润及成本 (单位：万元)',
    hint: [
      '例：我公司 2021 年网络安全服务的收入为 XX 万元，利润 XX 万元，成本 XX 万元。',
      '2020 年网络安全服务的收入为 XX 万元，利润 XX 万元，成本 XX 万元。',
      '2019 年网络安全服务的收入为 XX 万元，利润 XX 万元，成本 XX 万元。',
    ],
  },
  {
    key: 'strengths',
    label: '网络安全服务领域技术特长',
    hint: [
      '例：我公司在红蓝对抗领域多年持续深耕，向用户提供安全服务中重要的风险发现能力和安全水位检验能力，可帮助企业防御团队弥补外部先进攻击水平和内部滞后防御之间的差距，提升内部应急能力。',
    ],
  },
];

/** The label of a long value's continuation row (a value longer than a row goes on in rows labelled so). */
export function continuedLabel(label: string): string {
  return `${label}（续）`;
}

/** Every field of the form with its label on the desk (the unit of 近三年… is in its column heading there). */
export const SUNSHINE_FORM_FIELDS: readonly { key: SunshineFormKey; label: string; multiline: boolean }[] = [
  { key: 'unitName', label: '单位名称', multiline: false },
  { key: 'contactName', label: '联系人', multiline: false },
  { key: 'mobile', label: '手机', multiline: false },
  { key: 'position', label: '职务', multiline: false },
  { key: 'email', label: '邮箱', multiline: false },
  { key: 'postalAddress', label: '邮寄地址', multiline: false },
  ...SUNSHINE_FORM_ROWS.map((r) => ({
    key: r.key as SunshineFormKey,
    label: r.label.replace(/\s*\(单位：万元\)/, ''),
    multiline: true,
  })),
];
