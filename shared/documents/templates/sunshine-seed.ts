/**
 * The real 2022 Sunshine Action call notice (../shared/seeds/sunshine-action-call-notice.txt) as builder
 * input: the first template of the 发文 desk. The body is the seed's text, one paragraph per line, contact
 * block included (R-W2). Its attachments 1 and 2 are carried inline; attachment 3 (the standard's draft) is
 * listed but not carried.
 */
import { buildNoticeWithAttachments } from '../notice';
import type { NoticeInput } from '../notice';
import type { AttachmentPart, DocOptions } from '../options';

export const SUNSHINE_SEED_NOTICE: NoticeInput = {
  title: '关于征集“网络安全服务阳光行动”成员单位的通知',
  docNumber: 'CCIA 秘[2022]056 号',
  addressee: '各会员单位',
  body: [
    '为规范网络安全服务行业行为，提高网络安全服务供给质量，推动《信息安全技术 网络安全服务成本度量指南》等相关标准落地，促进我国网络安全服务产业健康有序发展，在中央网信办网络安全协调局指导下，中国网络安全产业联盟（CCIA）组织开展了“网络安全服务阳光行动”，现面向各会员单位征集成员单位。有关事项通知如下：',
    '一、申请条件',
    '1. 中国网络安全产业联盟会员单位。',
    '2. 自愿加入“网络安全服务阳光行动”成员单位。',
    '3. 遵守“网络安全服务阳光行动”宣言及成员守则。',
    '二、申请方式',
    '1. 填写《“网络安全服务阳光行动”成员单位申请表》并加盖单位公章（见附件1）。',
    '2. 签署中国网络安全产业联盟《“网络安全服务阳光行动”宣言》（见附件2）（加盖单位公章）。',
    '3. 《申请表》WORD版、《申请表》盖章PDF版、《宣言》盖章PDF版发至CCIA秘书处邮箱。',
    '4. 《申请表》盖章纸质版、《宣言》盖章纸质版邮寄至 CCIA 秘书处。',
    '5. 联盟对申请材料进行审核，审核通过发放“网络安全服务阳光行动”成员单位证书。',
    '6. 2022 年“网络安全服务阳光行动”成员单位征集截止日期为 2022 年 11 月 30 日。',
    '三、联系方式',
    '联系人：周梦妍',
    '联系方式：010-64102639',
    '邮箱：cciahyz@china-cia.org.cn',
    '邮寄地址：北京市东城区安定门东大街 1 号 中国网络安全产业联盟秘书处',
  ].join('\n'),
  attachments: [
    '“网络安全服务阳光行动”成员单位申请表',
    '“网络安全服务阳光行动”宣言及“网络安全服务阳光行动”成员守则',
    '《信息安全技术 网络安全服务成本度量指南》报批稿',
  ],
  issuer: '中国网络安全产业联盟秘书处',
  date: '2022-09-16',
};

/** The seed's inline attachments: 附件1 the blank application form, 附件2 the declaration and code. */
export const SUNSHINE_SEED_ATTACHMENTS: AttachmentPart[] = [
  { kind: 'sunshine-form' },
  { kind: 'sunshine-declaration' },
];

/**
 * The Sunshine Action call notice as the seed is: the notice (default: the 2022 seed's text, or a new year's
 * edited copy) followed by 附件1 the application form and 附件2 the declaration and code of conduct.
 */
export async function buildSunshineCallNotice(
  notice: NoticeInput = SUNSHINE_SEED_NOTICE,
  options?: DocOptions,
): Promise<Uint8Array> {
  return buildNoticeWithAttachments(notice, SUNSHINE_SEED_ATTACHMENTS, options);
}
