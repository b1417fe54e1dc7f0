/**
 * Accessibility checks for the e2e suite (issue 16): axe-core run in the page (injected through the
 * DevTools protocol, which the app's CSP does not govern), and the accessibility tree's names read back
 * for English that antd left behind (Increase Value, left, search, Clear) or internal values read out.
 */
import type { Page } from 'playwright-core';
import axe from 'axe-core';

export interface Violation {
  id: string;
  impact: string;
  help: string;
  targets: string[];
}

/** Serious and critical axe violations on the page as it is now (every rule axe runs by default). */
export async function axeViolations(page: Page): Promise<Violation[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.evaluate(axe.source);
  const results = await page.evaluate(async () => {
    const r = await (
      window as unknown as { axe: { run: (ctx: Document, o: object) => Promise<axe.AxeResults> } }
    ).axe.run(document, { resultTypes: ['violations'] });
    return r.violations.map((v) => ({
      id: v.id,
      impact: v.impact ?? '',
      help: v.help,
      targets: v.nodes.slice(0, 5).map((n) => `${n.target.join(' ')} ${n.failureSummary ?? ''}`),
    }));
  });
  return results.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

const CONTROLS = new Set([
  'button',
  'checkbox',
  'img',
  'option',
  'combobox',
  'spinbutton',
  'textbox',
  'searchbox',
  'tab',
  'menuitem',
  'radio',
  'switch',
  'slider',
  'listbox',
]);

/**
 * Names in the accessibility tree that are English or an internal value (`button "left"`, `option "council"`)
 * or not the visible label (`combobox "* 会议类型"`).
 */
export async function englishNames(page: Page): Promise<string[]> {
  const tree = await page.locator('body').ariaSnapshot();
  const out: string[] = [];
  for (const m of tree.matchAll(/- (\w+) "([^"]*)"/g)) {
    const [, role, name] = m as unknown as [string, string, string];
    // The names of controls and images; a cell's or a heading's text is content (a credit code, an e-mail).
    if (!CONTROLS.has(role)) continue;
    // A required field's asterisk is not part of its name: the name is the label the clerk reads.
    if (/^\*/.test(name)) {
      out.push(`${role} "${name}"`);
      continue;
    }
    if (/[\u4e00-\u9fff]/.test(name)) continue;
    // A page number of a pager, a year, an amount or a document number is not English.
    if (/^[\d\s,.:/\-–—+%[\]()年月日号元]*$/.test(name) && role !== 'option') continue;
    if (/^(CCIA|YGXD|Word|PDF|Excel|\.docx|\.xlsx)/.test(name)) continue;
    if (!/[A-Za-z]/.test(name) && role !== 'option') continue;
    out.push(`${role} "${name}"`);
  }
  return [...new Set(out)];
}
