/**
 * The browser side of the interaction benchmarks (scripts/bench/interaction.mjs, issue 17): a 会员大会 with
 * every member of the database entitled, and an agenda item already holding 20,000 characters of minutes.
 */
import { db } from '../../renderer/src/db';
import type { AgendaItem, Meeting } from '../../shared/domain/records';

/** 20,000 characters of minutes: sentences of a discussion, paragraphs of ~200 characters. */
function minutesText(chars: number): string {
  const sentences = [
    '秘书处汇报了本年度会员发展和会费收缴情况，与会代表进行了讨论。',
    '会员代表建议进一步加强网络安全人才培养和产业协同创新。',
    '理事长单位代表指出，联盟应围绕关键信息基础设施保护开展专项行动。',
    '与会代表一致同意将该事项提交下次会议审议，并请秘书处做好材料准备。',
  ];
  let out = '';
  for (let i = 0; out.length < chars; i++) {
    out += sentences[i % sentences.length];
    if (i % 5 === 4) out += '\n';
  }
  return out.slice(0, chars);
}

export const interaction = {
  /**
   * The benchmark's 会员大会 (onsite, no one marked yet), written directly: its entitled list is every member
   * of the database (10,000 in the bench; the registry's list on a date would leave out those not yet or no
   * longer members). With one agenda item of `chars` characters. Returns the ids, to remove it afterwards.
   */
  async seedAssembly(chars: number): Promise<{ meetingId: number; itemId: number; entitled: number }> {
    const members = await db.members.toArray();
    const at = new Date().toISOString();
    const meeting: Meeting = {
      body: 'assembly',
      form: 'onsite',
      name: '基准测试会员大会',
      date: '2026-11-21',
      place: '北京',
      chair: '',
      recorder: '',
      entitled: members.map((m) => ({
        memberId: m.id!,
        name: m.name,
        representative: m.representative.name,
      })),
      createdAt: at,
      updatedAt: at,
    };
    const meetingId = (await db.meetings.add(meeting)) as number;
    const item: AgendaItem = {
      meetingId,
      order: 1,
      title: '审议年度工作报告',
      discussion: minutesText(chars),
      updatedAt: at,
    };
    const itemId = (await db.agendaItems.add(item)) as number;
    return { meetingId, itemId, entitled: meeting.entitled.length };
  },

  /** The stored length of an agenda item's discussion (to check that autosave kept up). */
  async discussionLength(itemId: number): Promise<number> {
    return (await db.agendaItems.get(itemId))?.discussion.length ?? -1;
  },

  /** Removes the benchmark's meeting and what the benchmark wrote for it, so later parts see the demo. */
  async dropAssembly(meetingId: number): Promise<void> {
    await db.transaction('rw', [db.meetings, db.attendance, db.agendaItems, db.minuteVersions], async () => {
      const items = (await db.agendaItems.where('meetingId').equals(meetingId).primaryKeys()) as number[];
      await db.minuteVersions.where('agendaItemId').anyOf(items).delete();
      await db.agendaItems.bulkDelete(items);
      await db.attendance.where('meetingId').equals(meetingId).delete();
      await db.meetings.delete(meetingId);
    });
  },
};
