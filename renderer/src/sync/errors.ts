/** The Chinese message of a replication or connection error (PouchDB's errors carry an HTTP status). */
export function syncErrorText(e: unknown): string {
  const err = (e ?? {}) as { status?: unknown; name?: unknown; message?: unknown; reason?: unknown };
  const status = typeof err.status === 'number' ? err.status : undefined;
  if (status === 401) return '用户名或密码不正确';
  if (status === 403) return '该用户无权访问此数据库';
  if (status === 404) return '服务器上没有这个数据库（请先在服务器上创建）';
  if (status === 409) return '记录已被其他工作站修改，稍后自动重试';
  if (status !== undefined && status >= 500) return `服务器出错（${status}），稍后自动重试`;
  const text = typeof err.message === 'string' ? err.message : '';
  if (status === 0 || /fetch|network|Failed|ECONNREFUSED|abort/i.test(text) || e instanceof TypeError)
    return '无法连接到服务器（请检查地址、网络和服务器是否已启动），恢复后自动继续';
  return text || '同步出错';
}
