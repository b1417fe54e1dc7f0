/**
 * 通知 (notice) in the GB/T 9704-2012 layout, with its attachments carried in the same file when asked
 * (R-W1, R-W2). Order (R-W2): title, document number, addressee, body with 一、/（一）/1. sections, contact
 * block, attachment note, issuer and date with room for the seal; then each inline attachment from a new
 * page headed 附件N.
 */
import type { FileChild } from 'docx';
import { ballotContent } from './ballot';
import {
  addresseeParagraph,
  attachmentHeading,
  attachmentNote,
  blankLine,
  bodyHasContact,
  bodyParagraphs,
  contactParagraphs,
  docNumberParagraph,
  signBlock,
  titleParagraph,
} from './blocks';
import { buildDocx } from './layout';
import { colophonContent, letterheadParagraphs } from './letterhead';
import { membershipApplicationContent } from './membership';
import { DEFAULT_ISSUER, fontsOf } from './options';
import type { AttachmentPart, DocOptions } from './options';
import { sunshineDeclarationContent, sunshineFormContent } from './sunshine';
import { asObject, sanitizeLine, styleDocNumber } from './text';

export interface NoticeInput {
  /** 关于征集“网络安全服务阳光行动”成员单位的通知 */
  title: string;
  /** CCIA 秘[2022]056 号 (R-W1); may be empty for a draft. */
  docNumber: string;
  /** 各会员单位 (the builder adds the full-width colon). */
  addressee: string;
  /** Plain text, one paragraph per line; 一、 level 1, （一） level 2, 1. level 3. */
  body: string;
  /** Attachment titles, printed as 附件：1. … 2. … */
  attachments: string[];
  /** 中国网络安全产业联盟秘书处 (default: options.issuer, then the secretariat). */
  issuer: string;
  /** 'YYYY-MM-DD', printed 2022 年 9 月 16 日 (R-W2). */
  date: string;
}

/** The notice's own pages (no attachments). */
export function noticeContent(input: NoticeInput, options: DocOptions | undefined): FileChild[] {
  const n = asObject<NoticeInput>(input);
  const f = fontsOf(options);
  const issuer = sanitizeLine(n.issuer) || sanitizeLine(options?.issuer) || DEFAULT_ISSUER;
  const docNumber = styleDocNumber(n.docNumber, options?.docNumberBrackets);
  const out: FileChild[] = [];
  const letterhead = options?.letterhead ? letterheadParagraphs(options.letterhead, docNumber) : [];
  if (letterhead.length > 0) {
    // 版头: the 发文字号 is over the red line; the title two blank lines below it.
    out.push(...letterhead, titleParagraph(n.title));
  } else {
    out.push(titleParagraph(n.title));
    if (docNumber !== '') out.push(docNumberParagraph(docNumber));
  }
  out.push(blankLine());
  if (sanitizeLine(n.addressee) !== '') out.push(addresseeParagraph(n.addressee));
  // GB/T 9704-2012 §7.3.5.4: the issuer and date never stand alone on a page: the last line of text, the
  // attachment note and the blank lines for the seal are kept with them.
  const addContact = options?.contact !== undefined && !bodyHasContact(n.body);
  out.push(...bodyParagraphs(n.body, f, { keepLastWithNext: !addContact }));
  if (addContact) out.push(...contactParagraphs(options?.contact, { keepLastWithNext: true }));
  out.push(...attachmentNote(Array.isArray(n.attachments) ? n.attachments : []));
  out.push(...signBlock({ issuer, date: n.date, seal: options?.seal }));
  return out;
}

/** The pages of one attachment, from a new page headed 附件N (n 0: 附件). */
export function attachmentContent(
  part: AttachmentPart,
  n: number,
  options: DocOptions | undefined,
): FileChild[] {
  if (!part || typeof part !== 'object') return [];
  const number = typeof part.number === 'number' ? part.number : n;
  switch (part.kind) {
    case 'sunshine-form':
      return sunshineFormContent(part.values, options, number);
    case 'sunshine-declaration':
      return sunshineDeclarationContent(options, number);
    case 'membership-application':
      return membershipApplicationContent(part.values, options, number);
    case 'ballot':
      return ballotContent(part.ballot, options, number);
    case 'text': {
      const f = fontsOf(options);
      const title = sanitizeLine(part.title);
      return [
        attachmentHeading(number),
        ...(title !== '' ? [titleParagraph(part.title), blankLine()] : []),
        ...bodyParagraphs(part.body, f),
      ];
    }
    default:
      return [];
  }
}

/** The notice followed by its attachment documents, each from a new page headed 附件1, 附件2 … */
export async function buildNoticeWithAttachments(
  notice: NoticeInput,
  attachments: AttachmentPart[],
  options?: DocOptions,
): Promise<Uint8Array> {
  const children: FileChild[] = noticeContent(notice, options);
  const parts = Array.isArray(attachments) ? attachments : [];
  // A notice with a single attachment heads it 附件 (unnumbered, as its attachment note is).
  const listed = asObject<NoticeInput>(notice).attachments;
  const single = parts.length === 1 && (Array.isArray(listed) ? listed.length : 0) <= 1;
  parts.forEach((part, i) => {
    children.push(...attachmentContent(part, single ? 0 : i + 1, options));
  });
  // 版记 at the foot of the page where the document ends (after its attachments, GB/T 9704-2012 §7.4).
  if (options?.colophon) {
    const n = asObject<NoticeInput>(notice);
    children.push(
      ...colophonContent(options.colophon, {
        issuer: sanitizeLine(n.issuer) || sanitizeLine(options.issuer) || DEFAULT_ISSUER,
        date: sanitizeLine(n.date),
      }),
    );
  }
  return buildDocx([{ children }], options, sanitizeLine(asObject<NoticeInput>(notice).title));
}

/** A notice (通知); `options.attachmentsInline` carries attachment documents in the same file. */
export async function buildNotice(n: NoticeInput, options?: DocOptions): Promise<Uint8Array> {
  return buildNoticeWithAttachments(n, options?.attachmentsInline ?? [], options);
}
