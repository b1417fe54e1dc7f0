/**
 * ui/unsaved.ts: a form the clerk saves by a button says when it holds unsaved edits — against the values it
 * opened with (or the record as stored), not merely touched; a save that succeeds is the new baseline; a
 * dialog's close asks first only when something was filled in (nothing lost); a form follows its record
 * changed under it without replacing what was typed.
 */
import { describe, expect, it } from 'vitest';
import { act, render, screen, fireEvent, cleanup } from '@testing-library/react';
import { App, Button, ConfigProvider, Form, Input } from 'antd';
import type { ReactNode } from 'react';
import { useState } from 'react';
import { formValuesKey, useFollowStored, useUnsavedForm } from '../../renderer/src/ui/unsaved';
import { StoredChangedNotice } from '../../renderer/src/ui/StoredChangedNotice';
import { unsavedLabels } from '../../renderer/src/platform/unsaved';
import { FormDialog } from '../../renderer/src/ui/FormDialog';

describe('formValuesKey', () => {
  it('empty, null, false and empty lists are "not filled in"; keys in any order; dates by their ISO text', () => {
    expect(formValuesKey({ a: '', b: null, c: undefined, d: false, e: [], f: {} })).toBe(formValuesKey({}));
    expect(formValuesKey({ b: 1, a: 'x' })).toBe(formValuesKey({ a: 'x', b: 1 }));
    expect(formValuesKey({ a: 0 })).not.toBe(formValuesKey({}));
    expect(formValuesKey({ a: true })).not.toBe(formValuesKey({}));
    expect(formValuesKey({ list: ['', ''] })).toBe(formValuesKey({}));
    expect(formValuesKey({ list: ['a', ''] })).not.toBe(formValuesKey({ list: ['a'] }));
    expect(formValuesKey({ on: new Date('2026-12-07T00:00:00Z') })).toBe(
      formValuesKey({ on: '2026-12-07T00:00:00.000Z' }),
    );
    expect(formValuesKey({ p: { name: '张三', mobile: '' } })).toBe(formValuesKey({ p: { name: '张三' } }));
  });
});

function Page(props: { initial: { name?: string }; onSave: () => Promise<void> }) {
  const [form] = Form.useForm();
  const unsaved = useUnsavedForm(form, '新增会员', { initial: props.initial });
  return (
    <Form form={form} initialValues={props.initial}>
      <Form.Item label="单位名称" name="name">
        <Input />
      </Form.Item>
      <Button onClick={() => void unsaved.saving(props.onSave).catch(() => undefined)}>保存</Button>
    </Form>
  );
}

/** As the app renders: button labels exactly as written (保存, not 保 存). */
const Shell = ({ children }: { children: ReactNode }) => (
  <ConfigProvider button={{ autoInsertSpace: false }}>
    <App>{children}</App>
  </ConfigProvider>
);

const type = (label: string, value: string) =>
  act(() => {
    fireEvent.change(screen.getByLabelText(label), { target: { value } });
  });

describe('useUnsavedForm', () => {
  it('dirty when the values differ from the initial ones; typing back is not dirty; a save is the baseline', async () => {
    let fail = false;
    render(
      <Shell>
        <Page
          initial={{ name: '甲公司' }}
          onSave={async () => (fail ? Promise.reject(new Error('x')) : undefined)}
        />
      </Shell>,
    );
    expect(unsavedLabels()).toEqual([]);
    await type('单位名称', '乙公司');
    expect(unsavedLabels()).toEqual(['新增会员']);
    await type('单位名称', '甲公司');
    expect(unsavedLabels()).toEqual([]);
    await type('单位名称', '丙公司');
    fail = true;
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '保存' })));
    expect(unsavedLabels()).toEqual(['新增会员']); // a failed save keeps the edits counted
    fail = false;
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '保存' })));
    expect(unsavedLabels()).toEqual([]);
    await type('单位名称', '丁公司');
    expect(unsavedLabels()).toEqual(['新增会员']);
    cleanup();
    expect(unsavedLabels()).toEqual([]); // gone with the form
  });
});

function Dialog() {
  const [open, setOpen] = useState(true);
  const [form] = Form.useForm();
  return (
    <>
      <span>{open ? '打开' : '已关闭'}</span>
      <FormDialog
        form={form}
        title="新建会议"
        open={open}
        onClose={() => setOpen(false)}
        onSave={() => setOpen(false)}
      >
        <Form form={form} initialValues={{ name: '' }}>
          <Form.Item label="会议名称" name="name">
            <Input />
          </Form.Item>
        </Form>
      </FormDialog>
    </>
  );
}

describe('FormDialog', () => {
  it('closes at once when nothing was filled in', async () => {
    render(
      <Shell>
        <Dialog />
      </Shell>,
    );
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '取消' })));
    expect(screen.getByText('已关闭')).toBeTruthy();
    cleanup();
  });

  it('asks before closing with something filled in: 继续填写 keeps it, 放弃 closes', async () => {
    render(
      <Shell>
        <Dialog />
      </Shell>,
    );
    await type('会议名称', '第三次理事会');
    expect(unsavedLabels()).toEqual(['新建会议']);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '取消' })));
    expect((await screen.findAllByText('放弃填写的内容？')).length).toBeGreaterThan(0);
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '继续填写' })));
    expect(screen.getByText('打开')).toBeTruthy();
    expect((screen.getByLabelText('会议名称') as HTMLInputElement).value).toBe('第三次理事会');
    await act(async () => fireEvent.click(screen.getByRole('button', { name: '取消' })));
    await act(async () => fireEvent.click(await screen.findByRole('button', { name: '放弃' })));
    expect(screen.getByText('已关闭')).toBeTruthy();
    expect(unsavedLabels()).toEqual([]);
    cleanup();
  });
});

function Settings(props: { stored: { termYears: string; chair: string } }) {
  const [form] = Form.useForm();
  const followed = useFollowStored(form, props.stored);
  return (
    <Form form={form} initialValues={props.stored}>
      <StoredChangedNotice
        what="章程参数"
        conflicts={followed.conflicts}
        label={(p) =>
          ({ termYears: '任期（年）', chair: '理事长最多连续任职届数' })[p[0] as 'chair'] ?? p[0]!
        }
        onTakeStored={followed.takeStored}
      />
      <Form.Item label="任期（年）" name="termYears">
        <Input />
      </Form.Item>
      <Form.Item label="理事长最多连续任职届数" name="chair">
        <Input />
      </Form.Item>
    </Form>
  );
}

describe('useFollowStored (a record changed under an open form)', () => {
  const value = (label: string) => (screen.getByLabelText(label) as HTMLInputElement).value;
  it('untouched fields follow, typed ones stay, a field both changed is named until they agree; 改用最新内容', () => {
    const { rerender } = render(
      <Shell>
        <Settings stored={{ termYears: '4', chair: '2' }} />
      </Shell>,
    );
    type('任期（年）', '5');
    rerender(
      <Shell>
        <Settings stored={{ termYears: '4', chair: '3' }} />
      </Shell>,
    );
    expect(value('理事长最多连续任职届数')).toBe('3');
    expect(value('任期（年）')).toBe('5');
    expect(screen.queryByRole('alert')).toBeNull();

    rerender(
      <Shell>
        <Settings stored={{ termYears: '6', chair: '3' }} />
      </Shell>,
    );
    expect(value('任期（年）')).toBe('5');
    expect(screen.getByRole('alert').textContent).toContain('刚修改了章程参数中你也在修改的：任期（年）');
    // Saved elsewhere as typed here (or this clerk's own save): the two agree, nothing to say.
    rerender(
      <Shell>
        <Settings stored={{ termYears: '5', chair: '3' }} />
      </Shell>,
    );
    expect(screen.queryByRole('alert')).toBeNull();

    type('任期（年）', '7');
    rerender(
      <Shell>
        <Settings stored={{ termYears: '8', chair: '3' }} />
      </Shell>,
    );
    expect(screen.getByRole('alert')).toBeTruthy();
    act(() => {
      fireEvent.click(screen.getByRole('button', { name: '改用最新内容' }));
    });
    expect(value('任期（年）')).toBe('8');
    expect(screen.queryByRole('alert')).toBeNull();
  });
});

function Skipping(props: { stored: { title: string } | undefined; skip: boolean; onFollowed: () => void }) {
  const [form] = Form.useForm();
  useFollowStored(form, props.stored, { skip: () => props.skip, onFollowed: props.onFollowed });
  return (
    <Form form={form} initialValues={{ title: '甲' }}>
      <Form.Item label="标题" name="title">
        <Input />
      </Form.Item>
    </Form>
  );
}

describe('useFollowStored options (the 发文 editor)', () => {
  it('not loaded yet: nothing followed; its own writes skipped; a followed change is reported', () => {
    let followed = 0;
    const view = (stored: { title: string } | undefined, skip = false) => (
      <Shell>
        <Skipping stored={stored} skip={skip} onFollowed={() => followed++} />
      </Shell>
    );
    const { rerender } = render(view(undefined));
    rerender(view({ title: '甲' }));
    expect(followed).toBe(0);
    // The editor's own write, stored trimmed: not another's change, nothing named.
    type('标题', '乙 ');
    rerender(view({ title: '乙' }, true));
    expect(followed).toBe(0);
    type('标题', '乙');
    rerender(view({ title: '丙' }));
    expect((screen.getByLabelText('标题') as HTMLInputElement).value).toBe('丙');
    expect(followed).toBe(1);
  });
});
