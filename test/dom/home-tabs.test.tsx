/**
 * 首页's tabs (issue 17, cold start: plain ARIA tabs instead of antd's Tabs in the first screen): the tab of
 * the location is selected and controls the panel holding the content; a click or ← → Home End moves to
 * the other tab's location, and the keys move the focus with it (WAI-ARIA tabs pattern, roving tabindex).
 */
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { HomeTabs } from '../../renderer/src/features/report/HomeTabs';

// Leaving 年度报告 drops the report started for it: the report's starter (which loads the database) is
// replaced here, so its import cannot outlast the test file (a cold clone's CI saw it load after teardown).
const { dropStartedReport } = vi.hoisted(() => ({ dropStartedReport: vi.fn() }));
vi.mock('../../renderer/src/features/report/reportOffThread', () => ({
  dropStartedReport,
  startReport: vi.fn(),
}));

// The real starter (and the database module it imports) is loaded once, while the environment is up: under
// load, fresh-clone runs saw vitest load the original of the mocked module in the background after a dynamic
// import of it, and that load finish after the file's teardown (EnvironmentTeardownError, ci62 and ci63).
// Loaded here, any later load of it is a cache hit.
beforeAll(async () => {
  await vi.importActual('../../renderer/src/features/report/reportOffThread');
});

function Where() {
  return <output aria-label="位置">{useLocation().pathname}</output>;
}

function home(at: string) {
  const tabs = (
    <HomeTabs>
      <p>内容</p>
    </HomeTabs>
  );
  return render(
    <MemoryRouter initialEntries={[at]}>
      <Routes>
        <Route path="/" element={tabs} />
        <Route path="/report/*" element={tabs} />
      </Routes>
      <Where />
    </MemoryRouter>,
  );
}

const where = () => screen.getByLabelText('位置').textContent;

describe('首页 tabs (issue 17)', () => {
  it('selects the tab of the location, which labels the panel holding the content', async () => {
    const view = home('/report');
    const todo = screen.getByRole('tab', { name: '待办事项' });
    const report = screen.getByRole('tab', { name: '年度报告' });
    expect(screen.getByRole('tablist', { name: '首页' })).toBeTruthy();
    expect(report.getAttribute('aria-selected')).toBe('true');
    expect(todo.getAttribute('aria-selected')).toBe('false');
    // Roving tabindex: Tab reaches the selected tab only.
    expect(report.tabIndex).toBe(0);
    expect(todo.tabIndex).toBe(-1);
    const panel = screen.getByRole('tabpanel', { name: '年度报告' });
    expect(panel.textContent).toBe('内容');
    expect(report.getAttribute('aria-controls')).toBe(panel.id);
    // Closed while on 年度报告: the report started for it is dropped too.
    view.unmount();
    await vi.waitFor(() => expect(dropStartedReport).toHaveBeenCalled());
  });

  it('a click goes to the tab’s location', async () => {
    dropStartedReport.mockClear();
    home('/');
    fireEvent.click(screen.getByRole('tab', { name: '年度报告' }));
    expect(where()).toBe('/report');
    expect(screen.getByRole('tab', { name: '年度报告' }).getAttribute('aria-selected')).toBe('true');
    fireEvent.click(screen.getByRole('tab', { name: '待办事项' }));
    expect(where()).toBe('/');
    // Leaving 年度报告 drops the report started for it (once its starter has loaded).
    await vi.waitFor(() => expect(dropStartedReport).toHaveBeenCalledTimes(1));
  });

  it('← → Home End select the next, previous, first and last tab and take the focus there', async () => {
    dropStartedReport.mockClear();
    const view = home('/');
    const todo = screen.getByRole('tab', { name: '待办事项' });
    const report = screen.getByRole('tab', { name: '年度报告' });
    todo.focus();
    fireEvent.keyDown(todo, { key: 'ArrowRight' });
    expect(where()).toBe('/report');
    expect(document.activeElement).toBe(report);
    // Wraps around.
    fireEvent.keyDown(report, { key: 'ArrowRight' });
    expect(where()).toBe('/');
    expect(document.activeElement).toBe(todo);
    fireEvent.keyDown(todo, { key: 'ArrowLeft' });
    expect(where()).toBe('/report');
    fireEvent.keyDown(report, { key: 'Home' });
    expect(where()).toBe('/');
    fireEvent.keyDown(todo, { key: 'End' });
    expect(where()).toBe('/report');
    // Other keys are left alone.
    fireEvent.keyDown(report, { key: 'a' });
    expect(where()).toBe('/report');
    // Closed on 年度报告: the started report is dropped once its starter has loaded — awaited here, so that
    // no import of it is still pending when the file's environment is torn down.
    const before = dropStartedReport.mock.calls.length;
    view.unmount();
    await vi.waitFor(() => expect(dropStartedReport.mock.calls.length).toBeGreaterThan(before));
  });
});
