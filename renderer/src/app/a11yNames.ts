/**
 * Chinese names for what antd leaves in English for screen readers (issue 16): its icons are role="img"
 * with the icon's name ("left", "search", "close-circle"), icon-only buttons take that name, and a few
 * components carry fixed English labels ("Increase Value", "Select row 3", "Select all"). One observer
 * over the document renames them as they appear: a decorative icon is hidden from the accessibility tree
 * and its icon-only button named in Chinese (上一页, 搜索, 清除 …); the English labels are translated.
 */

/** The Chinese name of an icon-only control, by its icon. */
const ICON_ACTION: Record<string, string> = {
  left: '上一页',
  right: '下一页',
  'double-left': '向前 5 页',
  'double-right': '向后 5 页',
  search: '搜索',
  'close-circle': '清除',
  close: '关闭',
  up: '增加',
  down: '减少',
  ellipsis: '更多',
};

const LABELS: [RegExp, (m: RegExpExecArray) => string][] = [
  [/^Increase Value$/, () => '增加'],
  [/^Decrease Value$/, () => '减少'],
  [/^Select all$/, () => '全选'],
  [/^Select row (\d+)$/, (m) => `选择第 ${m[1]} 行`],
  [/^Row (\d+) selected$/, (m) => `已选择第 ${m[1]} 行`],
  [/^Clear$/i, () => '清除'],
  [/^Close$/i, () => '关闭'],
  [/^loading$/i, () => '处理中'],
  [/^Custom selection$/, () => '选择'],
];

const CONTROL = 'button, [role="button"], a, [role="link"], li[title], [tabindex]';

function hasOtherText(control: Element, icon: Element): boolean {
  for (const node of control.childNodes) {
    if (node === icon || (node instanceof Element && node.contains(icon))) continue;
    if ((node.textContent ?? '').trim()) return true;
  }
  return false;
}

function fixIcon(icon: Element): void {
  const name = icon.getAttribute('aria-label');
  if (!name || /[\u4e00-\u9fff]/.test(name)) return;
  icon.removeAttribute('aria-label');
  icon.setAttribute('aria-hidden', 'true');
  const control = icon.parentElement?.closest(CONTROL);
  if (!control || control.getAttribute('aria-label') || hasOtherText(control, icon)) return;
  // A link without href has no role to name (a pager's 向后 5 页: its list item carries the title).
  if (control.tagName === 'A' && !control.hasAttribute('href') && !control.hasAttribute('role')) return;
  const title = control.getAttribute('title') ?? control.closest('li[title]')?.getAttribute('title');
  const action = title && /[\u4e00-\u9fff]/.test(title) ? title : ICON_ACTION[name];
  if (action) control.setAttribute('aria-label', action);
}

function fixLabel(el: Element): void {
  const name = el.getAttribute('aria-label');
  if (!name) return;
  for (const [re, zh] of LABELS) {
    const m = re.exec(name);
    if (m) {
      el.setAttribute('aria-label', zh(m));
      return;
    }
  }
}

function fixTree(root: ParentNode): void {
  if (root instanceof Element) {
    if (root.matches('.anticon[role="img"][aria-label]')) fixIcon(root);
    if (root.hasAttribute('aria-label')) fixLabel(root);
  }
  root.querySelectorAll('.anticon[role="img"][aria-label]').forEach(fixIcon);
  root.querySelectorAll('[aria-label]').forEach(fixLabel);
}

/** Starts renaming (once, at start-up); returns the stop function (tests). */
export function installChineseNames(doc: Document = document): () => void {
  fixTree(doc);
  // Only what changed is looked at, once per frame at most (the roster re-renders on every keystroke).
  const pending = new Set<Element>();
  let queued = false;
  const observer = new MutationObserver((records) => {
    for (const r of records) {
      if (r.type === 'attributes' && r.target instanceof Element) pending.add(r.target);
      r.addedNodes.forEach((n) => {
        if (n instanceof Element) pending.add(n);
      });
    }
    if (queued || pending.size === 0) return;
    queued = true;
    requestAnimationFrame(() => {
      queued = false;
      const roots = [...pending];
      pending.clear();
      for (const el of roots) if (el.isConnected) fixTree(el);
    });
  });
  observer.observe(doc.body, {
    childList: true,
    subtree: true,
    attributes: true,
    attributeFilter: ['aria-label'],
  });
  return () => observer.disconnect();
}
