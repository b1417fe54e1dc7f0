import { describe, expect } from 'vitest';
import type { Page } from 'playwright-core';
import { demo, it, loadDemoData, openDesk, openSection, shot, today } from './support';
import { expectedDemoCounts } from '../unit/home/expected';

async function countOf(page: Page, title: string): Promise<number> {
  const el = page.getByRole('region', { name: title }).getByTestId('todo-count');
  await el.waitFor();
  return Number(await el.getAttribute('data-count'));
}

describe('首页 dashboard on the demo dataset', () => {
  it('shows the to-do counts computed independently from the demo dataset, and each item links to its desk', async ({
    page,
    errors,
  }) => {
    // Empty database: every count is 0.
    await page.getByRole('heading', { level: 1, name: '首页', exact: true }).waitFor();
    expect(await countOf(page, '自动退会候选')).toBe(0);
    await shot(page, 'home-0-empty');

    await loadDemoData(page);
    await openDesk(page, '首页');

    const asOf = today();
    const ds = demo(asOf);
    const x = expectedDemoCounts(ds, asOf);
    await page.waitForFunction(
      (n) =>
        document
          .querySelector('section[aria-label="自动退会候选"] [data-testid="todo-count"]')
          ?.getAttribute('data-count') === String(n),
      x.autoWithdrawal,
    );
    expect({
      applications: await countOf(page, '入会申请待办'),
      withdrawalReports: await countOf(page, '退会待报常务理事会'),
      duesOverdue: await countOf(page, '会费逾期未缴'),
      autoWithdrawal: await countOf(page, '自动退会候选'),
      standingAbsences: await countOf(page, '常务理事连续两次缺席'),
      meetingsBehind: await countOf(page, '会议未按期召开'),
      termsEnding: await countOf(page, '任期 90 天内届满'),
    }).toEqual({
      applications: x.applications,
      withdrawalReports: x.withdrawalReports,
      duesOverdue: x.duesOverdue,
      autoWithdrawal: x.autoWithdrawal,
      standingAbsences: x.standingAbsences,
      meetingsBehind: x.meetingsBehind,
      termsEnding: x.termsEnding,
    });
    // The badge shows the same number.
    expect(
      await page
        .getByRole('region', { name: '会费逾期未缴' })
        .getByText(String(x.duesOverdue), { exact: true })
        .count(),
    ).toBeGreaterThan(0);
    await shot(page, 'home-1-demo');

    // Standing director no. 9 is listed; expanding shows every candidate.
    const absent = page.getByRole('region', { name: '常务理事连续两次缺席' });
    await absent.getByRole('link', { name: ds.members[8]!.name }).waitFor();
    const auto = page.getByRole('region', { name: '自动退会候选' });
    await auto.getByRole('button', { name: `展开全部 ${x.autoWithdrawal} 项` }).click();
    expect(await auto.locator('li.todo-item').count()).toBe(x.autoWithdrawal);
    await shot(page, 'home-2-expanded');

    // The withdrawal report links to the member file.
    const w = ds.members.find((m) => m.status === 'withdrawing')!;
    await page
      .getByRole('region', { name: '退会待报常务理事会' })
      .getByRole('link', { name: w.name })
      .click();
    await page.waitForURL(new RegExp(`#/members/${w.id}$`));

    // Overdue dues link to the dues desk, filtered to 已逾期.
    await openSection(page, '首页');
    await page
      .getByRole('region', { name: '会费逾期未缴' })
      .getByRole('link', { name: '会费逾期未缴' })
      .click();
    await page.waitForURL(/#\/dues\?status=overdue$/);
    await page.getByRole('heading', { level: 1, name: '会费', exact: true }).waitFor();
    await page.getByText(`共 ${x.duesOverdue} 家`).waitFor();
    await shot(page, 'home-3-dues-overdue');

    // Meetings-related items link to the meetings desk.
    await openSection(page, '首页');
    await absent.getByRole('link', { name: ds.members[8]!.name }).click();
    await page.waitForURL(/#\/meetings$/);
    expect(errors).toEqual([]);
  });
});
