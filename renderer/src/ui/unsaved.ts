import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { App, type FormInstance } from 'antd';
import { followStored, formOnlyLeftovers, sameValue, valueAt } from '../../../shared/data/followStored';
import { stableJson } from '../../../shared/sync/codec';
import { registerUnsaved } from '../platform/unsaved';

/**
 * Edits not yet saved (nothing lost): every form the clerk saves by a button registers (platform/unsaved.ts)
 * while it is on screen, and says whether it holds edits. Leaving the page (app/LeaveGuard.tsx), closing a
 * dialog (useConfirmDiscard) and closing or reloading the window (Electron's close, app/lifecycle.ts in the
 * browser) ask first when one does. Editors that save by themselves (the minutes' autosave) do not register:
 * they lose nothing.
 */

/** Values as compared: '', null, undefined, false and empty lists or groups are "not filled in"; keys sorted. */
function normalized(v: unknown): unknown {
  if (v === '' || v === null || v === undefined || v === false) return undefined;
  if (Array.isArray(v)) {
    const items = v.map(normalized);
    return items.every((x) => x === undefined) ? undefined : items;
  }
  if (typeof v === 'object') {
    if (typeof (v as { toISOString?: unknown }).toISOString === 'function')
      return (v as { toISOString: () => string }).toISOString();
    const entries = Object.entries(v as Record<string, unknown>)
      .map(([k, x]) => [k, normalized(x)] as const)
      .filter(([, x]) => x !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return entries.length ? Object.fromEntries(entries) : undefined;
  }
  return v;
}

/** A form's values as one comparable string: two forms showing the same filled-in values give the same key. */
export function formValuesKey(values: unknown): string {
  return JSON.stringify(normalized(values)) ?? '';
}

/**
 * Tracks one antd form: it holds unsaved edits when its values differ from what was last saved and from
 * `initial` when given (the values it opened with, or the record as now stored); without `initial` (a
 * dialog, whose form may mount a frame after it opens) when the clerk changed a field in it. `saving(run)`
 * suspends the check while a save runs (a save that navigates away is not asked about) and, when it
 * succeeds, takes the saved values as the new baseline.
 */
export function useUnsavedForm(
  /** None: nothing tracked (a dialog without a form). */
  form: FormInstance | undefined,
  label: string,
  options: { initial?: unknown; enabled?: boolean } = {},
): { isDirty: () => boolean; saving: <T>(run: () => Promise<T>) => Promise<T> } {
  const enabled = options.enabled ?? true;
  // The initial values are kept as given and compared only when asked (not on every render: the 发文
  // editor renders on every keystroke).
  const given = 'initial' in options;
  const initial = useRef<{ value: unknown } | null>(null);
  initial.current = given ? { value: options.initial } : null;
  const savedKey = useRef<string | null>(null);
  const suspended = useRef(0);

  const isDirty = useCallback(() => {
    if (!form || suspended.current > 0) return false;
    if (initial.current === null && !form.isFieldsTouched()) return false;
    const now = formValuesKey(form.getFieldsValue(true));
    const baseline = initial.current === null ? null : formValuesKey(initial.current.value);
    return now !== baseline && now !== savedKey.current;
  }, [form]);

  const saving = useCallback(
    async <T>(run: () => Promise<T>): Promise<T> => {
      const key = form ? formValuesKey(form.getFieldsValue(true)) : null;
      suspended.current++;
      try {
        const out = await run();
        savedKey.current = key;
        return out;
      } finally {
        suspended.current--;
      }
    },
    [form],
  );

  useEffect(() => {
    if (!enabled || !form) return;
    savedKey.current = null;
    return registerUnsaved(() => (isDirty() ? label : null));
  }, [enabled, form, isDirty, label]);

  return { isDirty, saving };
}

/**
 * A form showing a stored record follows it when the record changes under it (another workstation's edit, a
 * restore, the clerk's own save): the fields the clerk has not changed show the stored values, the ones the
 * clerk changed keep what was typed (shared/data/followStored.ts). Returns the fields both changed,
 * differently — until they agree again or the clerk takes the stored values (`takeStored`). (Remounting the
 * form by a key did not follow: antd keeps the store's values over new initial values.) The form's
 * `initialValues` must be `stored`; `stored` undefined: not loaded yet (its first value is the form's own).
 */
export function useFollowStored(
  form: FormInstance,
  stored: unknown,
  options: {
    /** A change to let pass without following (the 发文 editor's own autosave write). */
    skip?: () => boolean;
    /** Called after a change was followed (fields taken or named) and after takeStored. */
    onFollowed?: () => void;
  } = {},
): { conflicts: string[][]; takeStored: () => void } {
  // Its content, computed when the object changes (the 发文 editor renders on every keystroke).
  const key = useMemo(() => stableJson(stored ?? null), [stored]);
  const shown = useRef({ key, value: stored });
  const opts = useRef(options);
  opts.current = options;
  // Each with the stored value at the time, for 改用最新内容.
  const [conflicts, setConflicts] = useState<{ path: string[]; stored: unknown }[]>([]);
  useEffect(() => {
    if (shown.current.key === key) return;
    const base = shown.current.value;
    shown.current = { key, value: stored };
    if (base === undefined || stored === undefined || opts.current.skip?.()) return;
    const mine: unknown = form.getFieldsValue(true);
    const r = followStored(base, mine, stored);
    for (const { path, value } of r.take) form.setFieldValue(path, value);
    // Nothing of the clerk's left (a save, or typing the same): the form is the record again.
    for (const path of formOnlyLeftovers(form.getFieldsValue(true), stored) ?? [])
      form.setFieldValue(path, undefined);
    const found = r.conflicts.map((path) => ({ path, stored: valueAt(stored, path) }));
    // Named until the clerk's value and the stored one agree again (a save, or typing the same); a field
    // named again carries the latest stored value.
    setConflicts((before) =>
      [...found, ...before].filter(
        (c, i, all) =>
          all.findIndex((x) => x.path.join('.') === c.path.join('.')) === i &&
          !sameValue(valueAt(mine, c.path), valueAt(stored, c.path)),
      ),
    );
    if (r.take.length > 0 || r.conflicts.length > 0) opts.current.onFollowed?.();
  }, [form, key, stored]);
  const takeStored = useCallback(() => {
    for (const c of conflicts) form.setFieldValue(c.path, c.stored);
    setConflicts([]);
    opts.current.onFollowed?.();
  }, [conflicts, form]);
  const paths = useMemo(() => conflicts.map((c) => c.path), [conflicts]);
  return { conflicts: paths, takeStored };
}

/**
 * Closing a dialog: at once when nothing was filled in, else after the clerk confirms 放弃 (继续填写 keeps
 * the dialog open with everything in it).
 */
export function useConfirmDiscard(): (dirty: boolean, close: () => void) => void {
  const { modal } = App.useApp();
  return useCallback(
    (dirty, close) => {
      if (!dirty) {
        close();
        return;
      }
      modal.confirm({
        title: '放弃填写的内容？',
        content: '关闭后，这里已填写但未保存的内容将丢失。',
        okText: '放弃',
        cancelText: '继续填写',
        okButtonProps: { danger: true },
        autoFocusButton: 'cancel',
        onOk: close,
      });
    },
    [modal],
  );
}
