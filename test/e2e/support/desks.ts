/**
 * Steps through the desks that several tests take: a desk, a page opened by its button, the member form, an
 * agenda item of a meeting's minutes and its versions.
 */
import type { Locator, Page } from 'playwright-core';
import { openSection } from '../browser';
import { dialog, fill, select, type Dialog } from './controls';

/** Opens a desk from the sidebar and waits for its heading (the desk's name, exactly). */
export async function openDesk(page: Page, name: string): Promise<void> {
  await openSection(page, name);
  await page.getByRole('heading', { level: 1, name, exact: true }).waitFor();
}

/** Clicks the button named `button` (exactly) and waits for the page it opens, by its heading (a part is enough). */
export async function clickToPage(page: Page, button: string, heading: string = button): Promise<void> {
  await page.getByRole('button', { name: button, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** What a test enters on the member form beyond the unit itself (a test changes what it is about). */
const MEMBER_DETAILS = {
  主营业务: '网络安全服务',
  会员代表: '王强',
  代表职务: '总经理',
  代表手机: '13800138000',
  代表邮箱: 'wq@example.cn',
  联系人: '赵敏',
  联系人职务: '经理',
  联系人手机: '13900139000',
  联系人邮箱: 'zm@example.cn',
  邮寄地址: '北京市海淀区中关村 1 号',
};

/**
 * Fills the open 新增会员 form: the unit (name, credit code, region), 单位性质 企业, and MEMBER_DETAILS with
 * `details` over them. Saving is the test's.
 */
export async function fillMemberForm(
  page: Page,
  unit: { 单位名称: string; 统一社会信用代码: string; 注册地: string },
  details: Partial<typeof MEMBER_DETAILS> = {},
): Promise<void> {
  await fill(page, unit);
  await select(page, '单位性质').pick('企业');
  await fill(page, { ...MEMBER_DETAILS, ...details });
}

/** On a meeting's 会议纪要 tab, adds the agenda item `title`; gives its minutes textbox, once shown. */
export async function addAgendaItem(page: Page, title: string): Promise<Locator> {
  await page.getByLabel('新议程').fill(title);
  await page.getByRole('button', { name: '添加议程', exact: true }).click();
  const box = page.getByRole('textbox', { name: title, exact: true });
  await box.waitFor();
  return box;
}

/** Opens 历史版本 of the agenda item `item` whose minutes textbox is `box`; gives the dialog. */
export async function openMinuteVersions(page: Page, box: Locator, item: string): Promise<Dialog> {
  await page
    .locator('.ant-card-small')
    .filter({ has: box })
    .getByRole('button', { name: '历史版本' })
    .click();
  return dialog(page, `历史版本：${item}`);
}
