import { describe, expect, it, vi } from 'vitest';
import { render, screen } from '@testing-library/react';
import { ConfigProvider } from 'antd';
import { ErrorBoundary } from '../../renderer/src/app/ErrorBoundary';
import { navKeyFor, NAV } from '../../renderer/src/app/nav';

function Broken(): never {
  throw new Error('测试错误');
}

describe('error boundary (issue 2)', () => {
  it('shows a readable Chinese message instead of a white screen', () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    render(
      <ConfigProvider button={{ autoInsertSpace: false }}>
        <ErrorBoundary>
          <Broken />
        </ErrorBoundary>
      </ConfigProvider>,
    );
    expect(screen.getByText('页面出现错误')).toBeTruthy();
    expect(screen.getByText(/已保存的数据不受影响。错误信息：测试错误/)).toBeTruthy();
    expect(screen.getByRole('button', { name: '重试' })).toBeTruthy();
    spy.mockRestore();
  });
});

describe('sidebar', () => {
  it('has exactly the eight entries in order', () => {
    expect(NAV.map((n) => n.label)).toEqual([
      '首页',
      '会员',
      '入会申请',
      '会费',
      '会议',
      '专项行动',
      '发文',
      '设置',
    ]);
  });
  it('maps nested routes to their entry', () => {
    expect(navKeyFor('/members/12')).toBe('/members');
    expect(navKeyFor('/')).toBe('/');
    expect(navKeyFor('/membersx')).toBe('/');
  });
});
