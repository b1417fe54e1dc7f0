import type { ReactNode } from 'react';
import { Button } from 'antd';
import { Route, Routes, useNavigate } from 'react-router';

/**
 * A desk's pages below its path: `list` at the desk's own path, then each `pages` entry by its path
 * (`new`, `:id` …), in the order given.
 */
export function DeskRoutes(props: { list: ReactNode; pages: Record<string, ReactNode> }) {
  return (
    <Routes>
      <Route index element={props.list} />
      {Object.entries(props.pages).map(([path, element]) => (
        <Route key={path} path={path} element={element} />
      ))}
    </Routes>
  );
}

/** A list's primary action that opens a new record's page: 新增会员, 新建申请, 新建通知. */
export function NewButton(props: { to: string; children: string }) {
  const navigate = useNavigate();
  return (
    <Button type="primary" onClick={() => navigate(props.to)}>
      {props.children}
    </Button>
  );
}
