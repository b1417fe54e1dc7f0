/** The sidebar, exactly: 首页, 会员, 入会申请, 会费, 会议, 专项行动, 发文, 设置. */
export const NAV = [
  { path: '/', label: '首页' },
  { path: '/members', label: '会员' },
  { path: '/applications', label: '入会申请' },
  { path: '/dues', label: '会费' },
  { path: '/meetings', label: '会议' },
  { path: '/programmes', label: '专项行动' },
  { path: '/documents', label: '发文' },
  { path: '/settings', label: '设置' },
] as const;

/** The sidebar entry a location belongs to (/report, 首页's 年度报告 tab, belongs to 首页). */
export function navKeyFor(pathname: string): string {
  const hit = NAV.filter((n) => n.path !== '/' && (pathname === n.path || pathname.startsWith(n.path + '/')));
  return hit[0]?.path ?? '/';
}
