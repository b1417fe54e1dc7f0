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
      // This select's own list: the dropdown holding the listbox its combobox controls (another select's
      // list, still open or closing, is not the one to pick from).
      const listId = await box.getAttribute('aria-controls');
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
      await ((await exact.count()) ? exact : containing).first().click();
    },
    /** A multiple select stays open after a pick: Escape closes its list, which would cover what is below. */
    async close(): Promise<void> {
      await page.keyboard.press('Escape');
      await openList(page).waitFor({ state: 'hidden' });
    },
  };
}

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
