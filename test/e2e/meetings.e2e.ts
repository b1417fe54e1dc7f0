/**
 * 会议 desk (issue 6) on the demo dataset: roll call and the live quorum (R-O6), a standing-council motion
 * pending the guiding unit's approval, a remote council meeting with named ballots (R-O4), minutes that
 * survive a killed browser, the exported papers, offices (R-O5 seat cap, R-D5 tier change), activities and
 * compliance (R-O2, R-O4, R-O6); and the corrections: 编辑会议信息 (type locked once recorded, entitled list
 * fixed again on a new date), 结束任职 (from a row and from the R-O6 flag) and 更正 of an activity.
 */
import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import {
  addAgendaItem,
  clickToPage,
  demo,
  dialog,
  docxText,
  download,
  fill,
  it,
  killBrowser,
  loadDemoData,
  openDesk,
  openMinuteVersions,
  openSection,
  otherWriter,
  readRows,
  setDate,
  shot,
  stillShot,
  today,
} from './support';
import { addYears } from '../../shared/charter';
import { axeViolations } from './axe';

async function newMeeting(page: Page, v: { body: string; form: string; name: string; place: string }) {
  await page.getByRole('button', { name: '新建会议', exact: true }).click();
  const dlg = dialog(page, '新建会议');
  await dlg.waitFor();
  await dlg.select('会议类型').pick(v.body);
  await dlg.getByRole('radio', { name: v.form, exact: true }).check();
  await dlg.field('会议名称').fill(v.name);
  await dlg.field('地点').fill(v.place);
  await dlg.field('主持人').fill('王主持');
  await dlg.field('记录人').fill('周梦妍');
  await dlg.ok();
  await page.getByRole('heading', { level: 1, name: v.name }).waitFor();
}

async function quorumText(page: Page): Promise<string> {
  return page.getByRole('status', { name: '法定人数' }).innerText();
}

async function waitQuorum(page: Page, text: string) {
  await page.getByRole('status', { name: '法定人数' }).getByText(text, { exact: true }).waitFor();
}

/** Exports a paper by its button; the file is kept in test-results/meetings. Returns its text. */
async function paper(page: Page, button: string, file: string): Promise<string> {
  return docxText(
    (await download(page, page.getByRole('button', { name: button }), { saveAs: `meetings/${file}` })).bytes,
  );
}

describe('会议 desk (issue 6)', () => {
  it('standing council: roll call and live quorum (R-O6), motion pending then approved by the guiding unit, minutes survive a killed browser, papers export', async ({
    launch,
    profile,
  }) => {
    let s = await launch();
    let page = s.page;
    const errors = s.errors;
    await loadDemoData(page);

    await openDesk(page, '会议');
    for (const tab of ['会议', '任职', '活动登记', '合规'])
      await page.getByRole('tab', { name: tab, exact: true }).waitFor();
    await page
      .getByRole('link', { name: /常务理事会/ })
      .first()
      .waitFor();
    await shot(page, 'meetings-1-list');

    const name = 'E2E 常务理事会（签到测试）';
    await newMeeting(page, {
      body: '常务理事会',
      form: '现场',
      name,
      place: '北京市东城区安定门东大街 1 号',
    });
    // R-O6: 9 standing directors entitled; the secretary-general attends without a vote.
    await waitQuorum(page, '出席 0 / 应到 9');
    expect(await quorumText(page)).toContain('法定人数：6（三分之二）');
    expect(await quorumText(page)).toContain('未达法定人数');
    await page.getByText('列席，无表决权').waitFor();

    // One keystroke per row: 1 = 出席, and the focus moves to the next row.
    await page.locator('[data-roll-row="0"]').focus();
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('1');
      await page.waitForTimeout(60);
    }
    await waitQuorum(page, '出席 5 / 应到 9');
    expect(await quorumText(page)).toContain('未达法定人数');
    await shot(page, 'meetings-2-rollcall-not-quorate');
    // The sixth by mouse: the labelled radio.
    await page.locator('[data-roll-row="5"]').getByRole('radio', { name: '出席', exact: true }).click();
    await waitQuorum(page, '出席 6 / 应到 9');
    expect(await quorumText(page)).toContain('已达法定人数');
    // L = 请假, N = 缺席 (still 6 present).
    await page.locator('[data-roll-row="6"]').focus();
    await page.keyboard.press('l');
    await page.keyboard.press('n');
    await page
      .getByRole('status', { name: '法定人数' })
      .getByText(/缺席 1 · 请假 1 · 未登记 1/)
      .waitFor();
    expect(await quorumText(page)).toContain('出席 6 / 应到 9');
    await shot(page, 'meetings-3-rollcall-quorate');

    // Minutes: agenda item, live typing with autosave.
    await page.getByRole('tab', { name: '会议纪要', exact: true }).click();
    const discussion = await addAgendaItem(page, '审议新会员入会申请');
    await discussion.pressSequentially('秘书处介绍了三家申请单位的材料审核情况。', { delay: 15 });
    await page.getByText('已保存', { exact: true }).waitFor();

    // A motion 4-1-1 with 6 present: adopted by 2/3, pending the guiding unit (R-O6).
    await page.getByRole('button', { name: '添加议案', exact: true }).click();
    await fill(page, { 标题: '关于批准三家单位入会的议案', 内容: '同意北京等三家单位加入联盟。' });
    await page.getByRole('button', { name: '保存议案', exact: true }).click();
    const motion = page.getByRole('region', { name: '议案：关于批准三家单位入会的议案' });
    await motion.waitFor();
    // Guard rail: more votes than present.
    await fill(motion, { 同意: '5', 反对: '1', 弃权: '1' });
    await motion.getByText('同意、反对、弃权合计 7 票，多于出席人数 6').waitFor();
    await fill(motion, { 同意: '4' });
    await motion.getByRole('button', { name: '保存表决结果' }).click();
    await motion.getByText('通过（待指导单位批准）', { exact: true }).waitFor();
    await shot(page, 'meetings-4-motion-pending');
    await motion.getByRole('button', { name: '记录指导单位意见' }).click();
    const g = dialog(page, '记录指导单位意见');
    await g.getByRole('radio', { name: '批准', exact: true }).check();
    await g.ok('确定');
    await motion.getByText('通过（指导单位已批准）', { exact: true }).waitFor();
    await shot(page, 'meetings-5-motion-approved');

    // Papers.
    const text = await paper(page, '导出会议纪要', 'minutes.docx');
    expect(text).toContain(`${name}纪要`);
    expect(text).toContain('秘书处介绍了三家申请单位的材料审核情况。');
    expect(text).toContain('达到法定人数');
    expect(text).toContain('同意 4 票，反对 1 票，弃权 1 票，未表决 0 人');
    expect(text).toContain('通过（指导单位已批准）');
    expect(text).toContain('主持人：王主持');
    for (const [button, file, expected] of [
      ['导出签到表', 'signin.docx', '签到表'],
      ['导出表决票', 'ballots.docx', '表决票'],
      ['导出计票表', 'tally.docx', '通过（指导单位已批准）'],
    ] as const) {
      expect(await paper(page, button, file)).toContain(expected);
    }

    // 会议通知 goes through the 发文 register like every outgoing notice (R-W1): a draft linked from the
    // meeting, numbered on 定稿, exported from there; the meeting then shows its number.
    await clickToPage(page, '起草会议通知', '发文草稿');
    expect(await page.getByLabel('标题', { exact: true }).inputValue()).toBe(`关于召开${name}的通知`);
    await page.getByRole('button', { name: '定稿', exact: true }).click();
    await page.getByRole('button', { name: '确认定稿', exact: true }).click();
    const numbered = page.getByRole('heading', { level: 1, name: /CCIA 秘\[\d{4}\]\d{3} 号/ });
    await numbered.waitFor();
    const noticeNo = /CCIA 秘\[\d{4}\]\d{3} 号/.exec(await numbered.innerText())![0];
    await page.getByRole('link', { name, exact: true }).waitFor(); // 关联会议
    const noticeText = await paper(page, '导出 Word', 'notice.docx');
    expect(noticeText).toContain(`关于召开${name}的通知`);
    expect(noticeText).toContain(noticeNo);
    await page.goBack();
    await page.getByRole('button', { name: `会议通知 ${noticeNo}`, exact: true }).waitFor();
    await page.getByRole('tab', { name: '会议纪要', exact: true }).click();

    // Type, wait past the debounce, then kill Chromium outright (no graceful close).
    const second = await addAgendaItem(page, '审议专项行动工作安排');
    const typed = '与会常务理事一致同意年内启动阳光行动第二批成员征集';
    await second.pressSequentially(typed, { delay: 20 });
    await page.waitForTimeout(1200);
    await killBrowser(profile);
    await new Promise((r) => setTimeout(r, 800));

    s = await launch();
    page = s.page;
    await openSection(page, '会议');
    await page.getByRole('link', { name }).click();
    await page.getByRole('tab', { name: '会议纪要', exact: true }).click();
    const again = page.getByRole('textbox', { name: '审议专项行动工作安排', exact: true });
    await again.waitFor();
    expect(await again.inputValue()).toBe(typed);
    expect(await page.getByRole('textbox', { name: '审议新会员入会申请', exact: true }).inputValue()).toBe(
      '秘书处介绍了三家申请单位的材料审核情况。',
    );
    await shot(page, 'meetings-6-minutes-after-kill');

    // History: a bad edit can be undone (the restore keeps the current text as a version too).
    await again.fill('');
    await again.pressSequentially('误删', { delay: 10 });
    await page.waitForTimeout(600);
    const hist = await openMinuteVersions(page, again, '审议专项行动工作安排');
    await hist.getByText(typed.slice(0, 20), { exact: false }).first().waitFor();
    await shot(page, 'meetings-7-versions');
    await hist.getByRole('button', { name: '恢复', exact: true }).first().click();
    await page.waitForFunction(
      (t) => [...document.querySelectorAll('textarea')].some((x) => x.value === t),
      typed,
    );
    expect(errors).toEqual([]);
  });

  it('remote council meeting (R-O4): present = ballots returned, named ballots decide the motion', async ({
    demoPage: page,
  }) => {
    await openSection(page, '会议');
    const name = 'E2E 理事会（通讯表决）';
    await newMeeting(page, { body: '理事会', form: '通讯', name, place: '通讯方式' });
    const entitled = Number((await quorumText(page)).match(/应到 (\d+)/)?.[1]);
    expect(entitled).toBeGreaterThan(20);
    const needed = Math.ceil((2 * entitled) / 3);
    expect(await quorumText(page)).toContain(`法定人数：${needed}（三分之二）`);
    await page.getByRole('button', { name: '表决票全部发出（今日）' }).click();
    for (let i = 0; i < needed - 1; i++) {
      await page.getByRole('button', { name: '今日收回', exact: true }).first().click();
      await waitQuorum(page, `出席 ${i + 1} / 应到 ${entitled}`);
    }
    expect(await quorumText(page)).toContain('未达法定人数');
    await page.getByRole('button', { name: '今日收回', exact: true }).first().click();
    await waitQuorum(page, `出席 ${needed} / 应到 ${entitled}`);
    expect(await quorumText(page)).toContain('已达法定人数');
    await shot(page, 'meetings-8-remote-ballots');

    // 编辑会议信息: ballots are recorded, so the type is locked (shown disabled, with the reason).
    const meetingDate = today();
    await page.getByRole('button', { name: '编辑会议信息', exact: true }).click();
    const edit = dialog(page, '编辑会议信息');
    await edit.getByText(`已有签到或表决票记录 ${entitled} 条，会议类型不能更改`, { exact: false }).waitFor();
    expect(await edit.field('会议类型').isDisabled()).toBe(true);
    expect(await edit.field('地点').inputValue()).toBe('通讯方式');
    // A date on which other units are entitled: the clerk is told the list is fixed again, and can go back.
    const dateInput = edit.field('日期', { exact: true });
    await setDate(dateInput, addYears(meetingDate, -10));
    await edit.getByText('应到名单按会议类型和会议当日的登记确定', { exact: false }).waitFor();
    await stillShot(page, 'meetings-9a-edit-meeting');
    await edit.ok();
    const refix = dialog(page, '应到名单将按新日期重新确定');
    await refix.getByText(`移出 ${entitled} 家`, { exact: false }).waitFor();
    await refix.getByText(`有 ${entitled} 家已有签到或表决票记录`, { exact: false }).waitFor();
    await stillShot(page, 'meetings-9b-edit-meeting-refix');
    await refix.button('返回修改').click();
    await refix.waitFor({ state: 'detached' });
    await setDate(dateInput, meetingDate);
    await edit.field('地点').fill('通讯方式（电子邮件）');
    // Remote meetings: the date ballots are returned by goes onto the ballots.
    await setDate(edit.field('表决票寄回截止日期'), meetingDate);
    await edit.ok();
    await edit.waitFor({ state: 'detached' });
    await page.getByText('通讯方式（电子邮件）', { exact: true }).waitFor();
    expect(await quorumText(page)).toContain(`出席 ${needed} / 应到 ${entitled}`);
    const [y, mo, d] = meetingDate.split('-').map(Number);
    expect(await paper(page, '导出表决票', 'remote-ballots.docx')).toContain(
      `请于 ${y} 年 ${mo} 月 ${d} 日前将签字（盖章）后的表决票`,
    );

    await page.getByRole('tab', { name: '会议纪要', exact: true }).click();
    await addAgendaItem(page, '审议年度工作计划');
    await page.getByRole('button', { name: '添加议案', exact: true }).click();
    await fill(page, { 标题: '关于年度工作计划的议案' });
    await page.getByRole('button', { name: '保存议案', exact: true }).click();
    const motion = page.getByRole('region', { name: '议案：关于年度工作计划的议案' });
    await motion.getByText('通讯会议须记名表决').waitFor();
    const groups = motion.getByRole('radiogroup', { name: /^表决：/ });
    expect(await groups.count()).toBe(needed);
    // R-O4: 2/3 of those present in favour. All but two for, one against, one abstains.
    for (let i = 0; i < needed; i++) {
      const choice = i === 0 ? '反对' : i === 1 ? '弃权' : '同意';
      await groups.nth(i).getByRole('radio', { name: choice, exact: true }).click();
    }
    await motion.getByText(`同意 ${needed - 2} · 反对 1 · 弃权 1 · 未表决 0`, { exact: false }).waitFor();
    await motion.getByText('通过', { exact: true }).waitFor();
    await shot(page, 'meetings-9-remote-motion');
    const text = await paper(page, '导出计票表', 'remote-tally.docx');
    expect(text).toContain('记名表决');
    expect(text).toContain('反对');
  });

  it('offices (R-O5 cap, R-D5 tier), activities and compliance tabs', async ({ demoPage: page }) => {
    const asOf = today();
    const ds = demo(asOf);
    const directors = new Set(ds.offices.map((o) => o.memberId));
    const candidate = ds.members.find(
      (m) => !directors.has(m.id!) && !m.left && !m.withdrawal && m.approvedOn! < addYears(asOf, -2),
    )!;
    await openSection(page, '会议');
    await page.getByRole('tab', { name: '任职', exact: true }).click();
    await page.getByText('连续两次未出席常务理事会（章程第二十二条）').waitFor();
    await page
      .getByText(/连续两次未出席常务理事会会议（/)
      .first()
      .waitFor();
    await shot(page, 'meetings-10-offices');

    // R-O5: a tenth standing director is refused.
    await page.getByRole('button', { name: '新增任职', exact: true }).click();
    const dlg = dialog(page, '新增任职');
    await dlg.select('职务').pick('常务理事');
    await dlg.select('任职单位').pick(candidate.name, { search: candidate.name });
    await dlg.getByText('常务理事不超过 9 个', { exact: false }).waitFor();
    await shot(page, 'meetings-11-office-cap');
    expect(await dlg.button('保存').isDisabled()).toBe(true);

    // A director election raises the unit's fee tier from next 1 January (R-D5).
    await dlg.select('职务').pick('理事');
    await dlg.getByText('常务理事不超过 9 个', { exact: false }).waitFor({ state: 'detached' });
    expect(await dlg.field('代表姓名').inputValue()).toBe(candidate.representative.name);
    await dlg.ok();
    const nextYear = Number(asOf.slice(0, 4)) + 1;
    await page.getByText(`会费自 ${nextYear}-01-01 起按新级别计收`, { exact: false }).waitFor();
    await page.getByRole('button', { name: /知道了|OK|确定/ }).click();

    // 结束任职 from a row: the end date may not precede the term's start, and a reason is required.
    const officeRow = (name: string) =>
      page
        .getByRole('row')
        .filter({ hasText: name })
        .filter({ has: page.getByRole('cell', { name: '常务理事', exact: true }) });
    const eighth = ds.members.find((m) => m.id === 8)!;
    await officeRow(eighth.name).getByRole('button', { name: '结束任职', exact: true }).click();
    const end = dialog(page, '结束任职');
    await end.getByText(`常务理事 · ${eighth.name}`, { exact: false }).waitFor();
    const endOn = end.field('结束日期');
    expect(await endOn.inputValue()).toBe(asOf);
    await setDate(endOn, addYears(asOf, -4));
    await end.ok('结束任职');
    await end.getByText('结束日期不能早于任期开始日期', { exact: false }).waitFor();
    await end.getByText('请填写结束原因', { exact: false }).waitFor();
    await stillShot(page, 'meetings-11a-end-office-errors');
    await setDate(endOn, asOf);
    await end
      .getByRole('group', { name: '常用原因' })
      .getByRole('button', { name: '辞职', exact: true })
      .click();
    expect(await end.field('原因', { exact: true }).inputValue()).toBe('辞职');
    await end.ok('结束任职');
    await end.waitFor({ state: 'detached' });
    // R-D1, R-D5: the unit keeps its director seat, so it falls to 理事单位 from next year.
    await page
      .getByText(`${eighth.name}的会员级别改为理事单位，会费自 ${nextYear}-01-01 起`, { exact: false })
      .waitFor();
    await page.getByRole('button', { name: /知道了|OK|确定/ }).click();
    await officeRow(eighth.name).getByText(`已结束（${asOf}）`, { exact: true }).waitFor();
    expect(await officeRow(eighth.name).getByRole('button', { name: '结束任职' }).count()).toBe(0);

    // R-O6: the flagged standing director's seat, from the flag, with the charter's reason filled in.
    const ninth = ds.members.find((m) => m.id === 9)!;
    const flag = page
      .getByRole('listitem')
      .filter({ hasText: `${ninth.name}：连续两次未出席常务理事会会议` });
    await flag.getByRole('button', { name: '结束其席位', exact: true }).click();
    const seat = dialog(page, '结束任职');
    expect(await seat.field('原因', { exact: true }).inputValue()).toBe(
      '连续两次未出席常务理事会（章程第二十二条）',
    );
    await seat.getByText(`常务理事 · ${ninth.name}`, { exact: false }).waitFor();
    await stillShot(page, 'meetings-11b-end-seat');
    await seat.ok('结束任职');
    await seat.waitFor({ state: 'detached' });
    await page.getByText(`${ninth.name}的会员级别改为理事单位`, { exact: false }).waitFor();
    await page.getByRole('button', { name: /知道了|OK|确定/ }).click();
    await flag.waitFor({ state: 'detached' });
    await officeRow(ninth.name).getByText(`已结束（${asOf}）`, { exact: true }).waitFor();

    // Activities.
    await page.getByRole('tab', { name: '活动登记', exact: true }).click();
    await page.getByRole('button', { name: '登记活动', exact: true }).click();
    const act = dialog(page, '登记活动');
    await act.field('活动名称').fill('E2E 数据安全研讨会');
    await act.field('地点').fill('北京');
    const units = act.select('参加单位');
    await units.pick(candidate.name, { search: candidate.name.slice(0, 4) });
    // A multiple select stays open after a pick, its list covering 保存.
    await units.close();
    await act.ok();
    await page.getByRole('cell', { name: 'E2E 数据安全研讨会' }).waitFor();
    await shot(page, 'meetings-12-activities');

    // 更正: the place and the participants (one unit out, two others in).
    const others = ds.members
      .filter((m) => m.id !== candidate.id && m.approvedOn && !m.left && m.approvedOn <= asOf)
      .slice(30, 32);
    const activityRow = page
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: 'E2E 数据安全研讨会', exact: true }) });
    await activityRow.getByRole('button', { name: '更正', exact: true }).click();
    const fix = dialog(page, '更正活动登记');
    expect(await fix.field('活动名称').inputValue()).toBe('E2E 数据安全研讨会');
    await fix.field('地点').fill('上海');
    const participants = fix.select('参加单位');
    for (const m of [candidate, ...others]) await participants.pick(m.name, { search: m.name.slice(0, 4) });
    await participants.close();
    await stillShot(page, 'meetings-12a-activity-fix');
    await fix.ok();
    await fix.waitFor({ state: 'detached' });
    await activityRow.getByRole('cell', { name: '上海', exact: true }).waitFor();
    await activityRow.getByRole('cell', { name: '2', exact: true }).waitFor();
    // Reopened, the dialog lists the corrected participants.
    await activityRow.getByRole('button', { name: '更正', exact: true }).click();
    for (const m of others) await fix.getByText(m.name, { exact: true }).waitFor();
    expect(await fix.getByText(candidate.name, { exact: true }).count()).toBe(0);
    await fix.cancel();
    await fix.waitFor({ state: 'detached' });

    await page.getByRole('tab', { name: '合规', exact: true }).click();
    for (const body of ['会员大会', '理事会', '常务理事会'])
      await page.getByRole('cell', { name: body, exact: true }).waitFor();
    await page.getByText('每半年至少一次（章程第二十二条）').waitFor();
    await shot(page, 'meetings-13-compliance');
  });

  it('会员大会 roll call by keyboard (issue 17): the list scrolls with the focus, in view after every key', async ({
    demoPage: page,
    errors,
  }) => {
    await openSection(page, '会议');
    await newMeeting(page, {
      body: '会员大会',
      form: '现场',
      name: 'E2E 会员大会（键盘签到）',
      place: '北京',
    });
    const bar = page.getByRole('status', { name: '法定人数' });
    await bar.getByText(/^出席 0 \/ 应到 \d+$/).waitFor();
    const entitled = Number(/应到 (\d+)/.exec(await quorumText(page))![1]);
    expect(entitled).toBeGreaterThan(20);
    /** The focused row's position, and whether all of it is inside the list's visible part. */
    const focusShown = () =>
      page.evaluate(() => {
        const el = document.activeElement as HTMLElement;
        const box = el.closest<HTMLElement>('[role=rowgroup]')!.getBoundingClientRect();
        const r = el.getBoundingClientRect();
        return { pos: el.dataset.rollRow, inView: r.top >= box.top - 0.5 && r.bottom <= box.bottom + 0.5 };
      });
    await page.locator('[data-roll-row="0"]').focus();
    // Past the rows in view: each key marks its row and moves the focus on, the list following it.
    for (let i = 0; i < 16; i++) {
      await page.keyboard.press('1');
      expect(await focusShown()).toEqual({ pos: String(i + 1), inView: true });
    }
    await waitQuorum(page, `出席 16 / 应到 ${entitled}`);
    expect(
      await page
        .locator('[data-roll-row="15"]')
        .getByRole('radio', { name: '出席', exact: true })
        .isChecked(),
    ).toBe(true);
    const scrolled = () => page.evaluate(() => document.activeElement!.closest('[role=rowgroup]')!.scrollTop);
    expect(await scrolled()).toBeGreaterThan(0);
    await shot(page, 'meetings-14-assembly-rollcall-scrolled');
    // ↑ back to the first row: the list scrolls up with it; N marks it 缺席 over its 出席.
    for (let i = 16; i > 0; i--) await page.keyboard.press('ArrowUp');
    expect(await focusShown()).toEqual({ pos: '0', inView: true });
    expect(await scrolled()).toBe(0);
    await page.keyboard.press('n');
    await waitQuorum(page, `出席 15 / 应到 ${entitled}`);
    expect(await focusShown()).toEqual({ pos: '1', inView: true });
    expect(errors).toEqual([]);
  });

  it("another workstation's writes to an open meeting: 编辑会议信息 saves only the clerk's changes; an agenda item's minutes follow under the caret while the typing is stored, typing not yet stored stays, and the text it replaced is a 历史版本", async ({
    page,
    errors,
  }) => {
    await openDesk(page, '会议');
    await newMeeting(page, {
      body: '理事会',
      form: '现场',
      name: '二〇二六年第四次理事会',
      place: '秘书处会议室',
    });
    const meetingId = (await readRows<{ id: number; name: string }>(page, 'meetings')).find(
      (m) => m.name === '二〇二六年第四次理事会',
    )!.id;
    const other = await otherWriter(page);

    // 编辑会议信息 open while another workstation moves the meeting to another room: the clerk changes
    // the 主持人 only, and the other's 地点 stays.
    await page.getByRole('button', { name: '编辑会议信息', exact: true }).click();
    const edit = dialog(page, '编辑会议信息');
    await edit.field('主持人').waitFor();
    await other.update('meetings', meetingId, { place: '联盟第二会议室' });
    await page.getByText('联盟第二会议室', { exact: true }).waitFor(); // the page behind the dialog is live
    await edit.field('主持人').fill('李主持');
    await edit.ok();
    await edit.closed();
    await page.getByText('李主持', { exact: true }).waitFor();
    const meeting = (await readRows<{ id: number; place: string; chair: string }>(page, 'meetings')).find(
      (m) => m.id === meetingId,
    );
    expect(meeting).toMatchObject({ place: '联盟第二会议室', chair: '李主持' });

    await page.getByRole('tab', { name: '会议纪要', exact: true }).click();
    const ITEM = '审议年度工作报告';
    const box = await addAgendaItem(page, ITEM);
    await box.fill('甲：报告了全年工作。');
    const state = page.locator('.ant-card-small').filter({ has: box }).locator('[data-save-state]');
    const saveState = (s: string) => state.and(page.locator(`[data-save-state="${s}"]`)).waitFor();
    await saveState('saved');
    // A second sitting's worth: its write keeps the first text as a version (the editor's first one), so
    // the write below keeps a version only for the reason it is about.
    await box.press('End');
    await page.keyboard.insertText('（上午）');
    await saveState('saving');
    await saveState('saved');
    const id = (await readRows<{ id: number; title: string }>(page, 'agendaItems')).find(
      (i) => i.title === ITEM,
    )!.id;

    // The clerk's caret after 甲：; another workstation adds a sentence: shown, the caret where it was.
    await box.evaluate((el: HTMLTextAreaElement) => {
      el.focus();
      el.setSelectionRange(2, 2);
    });
    const FOLLOWED = '甲：报告了全年工作。（上午）乙：补充了财务情况。';
    await other.update('agendaItems', id, { discussion: FOLLOWED });
    await page.waitForFunction((t) => document.querySelector('textarea')?.value === t, FOLLOWED);
    expect(await box.evaluate((el: HTMLTextAreaElement) => [el.selectionStart, el.selectionEnd])).toEqual([
      2, 2,
    ]);

    // The clerk types while another workstation's rewrite is stored first (the clerk's write waits behind
    // it): the clerk's text is stored, the rewrite is kept as a version.
    const held = await other.hold('agendaItems', id);
    await page.keyboard.insertText('王主任');
    await saveState('saving');
    await page.waitForTimeout(1500);
    await held.release({ discussion: '乙：改写了全部记录。' });
    await saveState('saved');
    const MINE = '甲：王主任报告了全年工作。（上午）乙：补充了财务情况。';
    expect(await box.inputValue()).toBe(MINE);
    const item = (await readRows<{ id: number; discussion: string }>(page, 'agendaItems')).find(
      (i) => i.id === id,
    );
    expect(item?.discussion).toBe(MINE);
    const versions = await openMinuteVersions(page, box, ITEM);
    await versions.getByText('乙：改写了全部记录。', { exact: false }).waitFor();
    await stillShot(page, 'meetings-minutes-replaced-version');
    expect(await axeViolations(page)).toEqual([]);
    await page.keyboard.press('Escape');
    await other.close();
    expect(errors).toEqual([]);
  });

  it('更正活动登记 writes only what the clerk changed: another workstation’s place and unit, added while the dialog is open, stay', async ({
    demoPage: page,
    errors,
  }) => {
    const asOf = today();
    const [a, b, c, d] = demo(asOf)
      .members.filter((m) => m.approvedOn && !m.left && m.approvedOn <= asOf)
      .slice(40, 44);
    await openSection(page, '会议');
    await page.getByRole('tab', { name: '活动登记', exact: true }).click();
    await page.getByRole('button', { name: '登记活动', exact: true }).click();
    const add = dialog(page, '登记活动');
    await add.field('活动名称').fill('E2E 合规培训');
    await add.field('地点').fill('北京');
    const units = add.select('参加单位');
    for (const m of [a!, b!]) await units.pick(m.name, { search: m.name.slice(0, 4) });
    await units.close();
    await add.ok();
    await add.closed();
    const row = page
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: 'E2E 合规培训', exact: true }) });
    await row.getByRole('cell', { name: '2', exact: true }).waitFor();
    const activity = (await readRows<{ id: number; name: string; date: string }>(page, 'activities')).find(
      (x) => x.name === 'E2E 合规培训',
    )!;

    const other = await otherWriter(page);
    await row.getByRole('button', { name: '更正', exact: true }).click();
    const fix = dialog(page, '更正活动登记');
    await fix.getByText(a!.name, { exact: true }).waitFor();
    // Another workstation corrects the place and adds unit c while the clerk's dialog shows 北京, a and b.
    await other.update('activities', activity.id, { place: '上海' });
    await other.add('participations', { activityId: activity.id, memberId: c!.id, date: activity.date });
    await row.getByRole('cell', { name: '上海', exact: true }).waitFor(); // the list behind is live
    // The clerk renames it, takes a out and adds d.
    await fix.field('活动名称').fill('E2E 数据合规培训');
    const participants = fix.select('参加单位');
    for (const m of [a!, d!]) await participants.pick(m.name, { search: m.name.slice(0, 4) });
    await participants.close();
    await fix.ok();
    await fix.closed();
    await other.close();
    const fixed = page
      .getByRole('row')
      .filter({ has: page.getByRole('cell', { name: 'E2E 数据合规培训', exact: true }) });
    await fixed.getByRole('cell', { name: '3', exact: true }).waitFor();
    expect(await fixed.getByRole('cell', { name: '上海', exact: true }).count()).toBe(1);
    const stored = (await readRows<{ activityId: number; memberId: number }>(page, 'participations'))
      .filter((p) => p.activityId === activity.id)
      .map((p) => p.memberId)
      .sort((x, y) => x - y);
    expect(stored).toEqual([b!.id, c!.id, d!.id].sort((x, y) => x! - y!));
    expect(errors).toEqual([]);
  });
});
