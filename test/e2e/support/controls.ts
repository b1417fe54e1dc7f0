/** Page models for the antd controls the desks are built from, reached by their labels and titles. */
import type { Locator, Page } from 'playwright-core';

type Scope = Page | Locator;

const pageOf = (scope: Scope): Page => ('page' in scope ? scope.page() : scope);
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The dropdown antd portals to <body> for the select that is open (closed ones stay hidden in the DOM). */
const openList = (page: Page) => page.locator('.ant-select-dropdown:visible');

/**
 * An antd Select by its label (a <label for> or aria-label): `await select(page, '单位性质').pick('企业')`.
 * `pick` opens the list (unless still open), types `search` if given (searchable selects list nothing until
 * typed into), and clicks the option whose text is `option`, or if none is, the first one containing it
 * ('征集通知' picks 征集通知（网络安全服务阳光行动）; '理事' still picks 理事, not 常务理事).
 */
export function select(scope: Scope, label: string) {
  const page = pageOf(scope);
  const box = scope.getByRole('combobox').and(scope.getByLabel(label, { exact: true }));
  return {
    box,
    async pick(option: string, opts: { search?: string } = {}): Promise<void> {
      // A list still closing (its leave animation, after the previous pick) is not the one to pick from.
      await page
        .locator('.ant-select-dropdown[class*="-leave"]')
        .first()
        .waitFor({ state: 'hidden', timeout: 2000 })
        .catch(() => undefined);
      // This select's own list: the dropdown holding the listbox `${id}_list` of its combobox (another
      // select's list, still open or closing, is not the one to pick from). The combobox names it in
      // aria-controls only while open, so the id is built from the input's own id, which it always has.
      const inputId = await box.getAttribute('id');
      const listId = inputId ? `${inputId}_list` : null;
      const ownList = listId
        ? page.locator('.ant-select-dropdown:visible').filter({ has: page.locator(`[id="${listId}"]`) })
        : openList(page);
      // A multiple select's list stays open after a pick: clicking it again would close it.
      if (!(await ownList.first().isVisible())) await box.click();
      if (opts.search !== undefined) await box.fill(opts.search);
      const options = ownList.locator('.ant-select-item-option');
      const containing = options.filter({ hasText: option });
      const exact = options.filter({ hasText: new RegExp(`^${escapeRe(option)}$`) });
      await containing.first().waitFor();
      // The list is virtual and may first render a window around the selected option (CI: 理事长 was
      // picked for 理事 while 理事 was not yet rendered): give the exact option a moment to appear.
      const hasExact = await exact
        .first()
        .waitFor({ timeout: 1500 })
        .then(() => true)
        .catch(() => false);
      const target = (hasExact ? exact : containing).first();
      const selected = () =>
        target.evaluate((el) => el.classList.contains('ant-select-item-option-selected'));
      const multiple = await isMultiple(box);
      const label = ((await target.textContent()) ?? '').trim();
      const before = multiple ? await selected() : false;
      await target.click();
      if (!multiple) {
        // A single select shows what it holds: wait until it shows exactly the option clicked (a list
        // re-rendering as it opens or filters can swallow a click — CI: 新增任职's second 职务 pick kept
        // 常务理事); click again, at most twice, then say so.
        const shows = () =>
          box.evaluate((el, text) => {
            // antd 6: <div class="ant-select-content" title="理事">理事<input role="combobox"></div>
            const content = el.closest('.ant-select')?.querySelector('.ant-select-content');
            return content?.getAttribute('title') === text || content?.textContent?.trim() === text;
          }, label);
        for (let attempt = 0; ; attempt++) {
          for (let i = 0; i < 40 && !(await shows()); i++) await page.waitForTimeout(50);
          if (await shows()) return;
          if (attempt === 2) throw new Error(`下拉选项“${label}”点击后未选中`);
          if (!(await ownList.first().isVisible())) await box.click();
          if (opts.search !== undefined) await box.fill(opts.search);
          await target.click();
        }
      }
      // A multiple select toggles the option: wait for it to flip (its list re-renders as the search
      // clears), so the next step starts from the new selection. A click the re-rendering list swallowed
      // (CI, a loaded machine: 更正活动登记's 参加单位) is repeated once it has plainly not taken — after
      // 4 s unchanged — at most twice; then say so.
      const flipped = async () => !(await target.count()) || (await selected()) !== before;
      for (let attempt = 0; ; attempt++) {
        for (let i = 0; i < 80 && !(await flipped()); i++) await page.waitForTimeout(50);
        if (await flipped()) return;
        if (attempt === 2) throw new Error(`下拉选项“${option}”点击后未${before ? '取消' : ''}选中`);
        if (!(await ownList.first().isVisible())) await box.click();
        if (opts.search !== undefined) await box.fill(opts.search);
        await target.click();
      }
    },
    /** A multiple select stays open after a pick: Escape closes its list, which would cover what is below. */
    async close(): Promise<void> {
      await page.keyboard.press('Escape');
      await openList(page).waitFor({ state: 'hidden' });
    },
  };
}

/** Whether the combobox is the search input of a multiple (tags) select. */
const isMultiple = (box: Locator) => box.evaluate((el) => !!el.closest('.ant-select-multiple'));

/** A date picker's input: typed in full and confirmed with Enter, as the clerk does. */
export async function setDate(input: Locator, iso: string): Promise<void> {
  await input.click();
  await input.fill(iso);
  await input.press('Enter');
}

/** Fills text inputs by their exact labels, in order: `await fill(page, { 单位名称: NAME, 注册地: '…' })`. */
export async function fill(scope: Scope, values: Record<string, string>): Promise<void> {
  for (const [label, value] of Object.entries(values))
    await scope.getByLabel(label, { exact: true }).fill(value);
}

export type Dialog = Locator & {
  /** A control in the dialog by its label (getByLabel; not exact unless asked). */
  field(label: string, opts?: { exact?: boolean }): Locator;
  /** An antd Select in the dialog. */
  select(label: string): ReturnType<typeof select>;
  /** A button in the dialog by its exact name. */
  button(name: string): Locator;
  /** Clicks the confirming button (保存 unless named). */
  ok(name?: string): Promise<void>;
  cancel(): Promise<void>;
  /** Waits until the dialog has closed. */
  closed(): Promise<void>;
};

/** An open modal or drawer by its title (its accessible name; a part of it is enough). */
export function dialog(page: Page, title: string | RegExp): Dialog {
  const root = page.getByRole('dialog', { name: title });
  const button = (name: string) => root.getByRole('button', { name, exact: true });
  return Object.assign(root, {
    field: (label: string, opts?: { exact?: boolean }) => root.getByLabel(label, opts),
    select: (label: string) => select(root, label),
    button,
    ok: (name = '保存') => button(name).click(),
    cancel: () => button('取消').click(),
    closed: () => root.waitFor({ state: 'hidden' }),
  });
}
