/**
 * The meeting facts printed on every meeting paper (R-O2, R-O4, R-O6).
 */
import { AlignmentType, Paragraph } from 'docx';
import { MEETING_FORM_LABEL } from '../domain/types';
import type { Body, MeetingForm } from '../domain/types';
import { runs } from './blocks';
import { STYLE } from './layout';
import { formatCnDate, hasText, sanitizeLine, textWidthChars } from './text';

export interface MeetingInfo {
  /** 中国网络安全产业联盟第二届常务理事会第三次会议 */
  name: string;
  /** Which body meets (labels: 会员大会 / 理事会 / 常务理事会). */
  body?: Body;
  /** 现场 | 通讯 */
  form: MeetingForm;
  /** 'YYYY-MM-DD' */
  date: string;
  /** '14:30' (free text). */
  time?: string;
  place?: string;
}

export interface MotionRef {
  title: string;
}

/** Who is entitled to attend and vote, in the body's word: 会员单位 / 理事单位 / 常务理事单位. */
export function entitledWord(body: Body | undefined): string {
  if (body === 'council') return '理事单位';
  if (body === 'standing') return '常务理事单位';
  return '会员单位';
}

/** 时间：… 地点：… (or 方式：通讯方式) on one line, or on two when they do not fit 28 characters. */
export function meetingLine(m: MeetingInfo): string {
  const meeting = m ?? ({} as MeetingInfo);
  const when = `${formatCnDate(meeting.date)}${hasText(meeting.time) ? ` ${sanitizeLine(meeting.time)}` : ''}`;
  const form = MEETING_FORM_LABEL[meeting.form] ?? '';
  const where = meeting.form === 'remote' ? `${form}方式` : sanitizeLine(meeting.place) || `${form}会议`;
  const a = `时间：${when}`;
  const b = `${meeting.form === 'remote' ? '方式' : '地点'}：${where}`;
  return textWidthChars(a) + textWidthChars(b) + 2 <= 28 ? `${a}\u3000\u3000${b}` : `${a}\n${b}`;
}

export function infoParagraph(text: string, align: 'left' | 'center' = 'center'): Paragraph {
  return new Paragraph({
    style: STYLE.plain,
    alignment: align === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT,
    children: runs(text),
  });
}
