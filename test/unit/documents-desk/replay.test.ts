/**
 * 发文 typing left in the journal (the page went away before the autosave stored it) is written at start-up
 * (features/documents/replay.ts): a new notice's entry becomes a draft once, a draft's entry only over the
 * text it started from, never over a 定稿 or newer text (typing a 定稿 lacks becomes a new draft), and nothing
 * is made of an entry that does not parse.
 */
import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { freshDb } from '../db/harness';
import type { DeskDB } from '../../../renderer/src/db/schema';
import { noticeFields } from './fixtures';

let current: DeskDB;
vi.mock('../../../renderer/src/db', () => ({
  get db() {
    return current;
  },
}));

/** localStorage as the browser has it (Node has none). */
class MemoryStorage {
  private items = new Map<string, string>();
  get length() {
    return this.items.size;
  }
  key(i: number) {
    return [...this.items.keys()][i] ?? null;
  }
  getItem(k: string) {
    return this.items.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    this.items.set(k, String(v));
  }
  removeItem(k: string) {
    this.items.delete(k);
  }
  clear() {
    this.items.clear();
  }
}
const storage = new MemoryStorage();
vi.stubGlobal('localStorage', storage);

await import('../../../renderer/src/features/documents/replay');
const { journalKey, journalWrite, replayJournal } = await import('../../../renderer/src/ui/journal');
const { finalizeDocument, saveDraft } = await import('../../../renderer/src/records/register');

const fields = (title: string, body = '正文') => ({ ...noticeFields(title, '2026-12-07'), body });
/** The journal's entries still in localStorage (other modules keep their own keys there). */
const journalLeft = () =>
  Array.from({ length: storage.length }, (_, i) => storage.key(i)).filter((k) =>
    k?.startsWith('desk-unsaved:'),
  );
const drafts = () => current.documents.where('status').equals('draft').toArray();

describe('发文 journal replayed at start-up', () => {
  beforeEach(() => {
    current = freshDb();
    storage.clear();
  });

  it('a new notice typed and not yet stored becomes one draft; the entry is then gone', async () => {
    journalWrite(journalKey('document', 'new'), { base: null, value: fields('关于召开年会的通知'), at: 1 });
    await replayJournal();
    expect((await drafts()).map((d) => d.title)).toEqual(['关于召开年会的通知']);
    expect(journalLeft()).toEqual([]);
    await replayJournal();
    expect(await drafts()).toHaveLength(1);
  });

  it('a new notice already created with exactly these fields, or with nothing typed: no second draft', async () => {
    await saveDraft(current, undefined, fields('关于召开年会的通知'));
    journalWrite(journalKey('document', 'new'), { base: null, value: fields('关于召开年会的通知'), at: 1 });
    await replayJournal();
    expect(await drafts()).toHaveLength(1);
    journalWrite(journalKey('document', 'new'), { base: null, value: fields('', ''), at: 2 });
    await replayJournal();
    expect(await drafts()).toHaveLength(1);
    expect(journalLeft()).toEqual([]);
  });

  it("a draft's typing is written over the text it started from, and audited", async () => {
    const id = await saveDraft(current, undefined, fields('关于年会', '一、'));
    journalWrite(journalKey('document', id), {
      base: fields('关于年会', '一、'),
      value: fields('关于年会的通知', '一、会议时间'),
      at: 1,
    });
    await replayJournal();
    expect(await current.documents.get(id)).toMatchObject({ title: '关于年会的通知', body: '一、会议时间' });
    const summaries = (await current.audit.where('entity').equals('documents').toArray()).map(
      (a) => a.summary,
    );
    expect(summaries).toContain('自动保存发文草稿：关于年会的通知');
  });

  it('never over newer text, nothing from an entry that does not parse', async () => {
    const newer = await saveDraft(current, undefined, fields('关于年会的通知（已改）'));
    journalWrite(journalKey('document', newer), { base: fields('关于年会'), value: fields('旧的'), at: 1 });
    journalWrite(journalKey('document', 'new'), { base: null, value: { title: 42 }, at: 1 });
    await replayJournal();
    expect((await current.documents.get(newer))?.title).toBe('关于年会的通知（已改）');
    expect(await current.documents.count()).toBe(1);
    expect(journalLeft()).toEqual([]);
  });

  it('never over a 定稿: the typing it lacks becomes a new draft on top of it, once; typing it holds makes nothing', async () => {
    const final = await saveDraft(current, undefined, fields('定稿的通知', '一、原文'));
    await finalizeDocument(current, final, 'seed');
    journalWrite(journalKey('document', final), {
      base: fields('定稿的通知', '一、原文'),
      value: fields('定稿的通知', '一、原文\n二、定稿后才输入的'),
      at: 1,
    });
    await replayJournal();
    expect(await current.documents.get(final)).toMatchObject({
      title: '定稿的通知',
      body: '一、原文',
      status: 'final',
    });
    expect((await drafts()).map((d) => [d.title, d.body])).toEqual([
      ['定稿的通知', '一、原文\n二、定稿后才输入的'],
    ]);
    expect(journalLeft()).toEqual([]);

    // The same entry again (a second start before the journal was cleared): no second draft.
    journalWrite(journalKey('document', final), {
      base: fields('定稿的通知', '一、原文'),
      value: fields('定稿的通知', '一、原文\n二、定稿后才输入的'),
      at: 2,
    });
    await replayJournal();
    expect(await drafts()).toHaveLength(1);

    // Typing the 定稿 holds (it was stored before the 定稿): nothing made.
    journalWrite(journalKey('document', final), {
      base: fields('定稿的通知', '旧'),
      value: fields('定稿的通知', '一、原文'),
      at: 3,
    });
    await replayJournal();
    expect(await current.documents.count()).toBe(2);
  });
});
