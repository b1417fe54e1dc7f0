/**
 * 定稿 reads what 设置 → 多人协作 configured (issue 19): a server configured but not connected in this page
 * (no password yet) refuses in Chinese and the draft stays a draft; 断开 numbers locally again.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { openDeskDb } from '../../renderer/src/db/schema';
import { writeLocal } from '../../renderer/src/db/local';
import { CONNECTION_KEY } from '../../renderer/src/sync/connection';
import { finalizeDocument, saveDraft } from '../../renderer/src/records/register';

describe('numbers follow the configured connection (issue 19)', () => {
  it('configured without a usable connection: refused; disconnected: numbered locally', async () => {
    const db = openDeskDb(`numbers-connection-${Date.now()}`);
    const id = await saveDraft(db, undefined, {
      title: '通知',
      type: '通知',
      date: '2026-11-21',
      addressee: '各会员单位',
      body: '正文。',
      attachments: [],
      issuer: '中国网络安全产业联盟',
    });
    writeLocal(CONNECTION_KEY, { url: 'http://127.0.0.1:1', db: 'desk', user: 'clerk', enabled: true });
    await expect(finalizeDocument(db, id, 'seed')).rejects.toThrow(
      '定稿需要连接服务器取得编号（已设置多人协作服务器，编号由服务器统一分配，以免与其他工作站重号），当前未连接服务器',
    );
    expect((await db.documents.get(id))?.status).toBe('draft');
    writeLocal(CONNECTION_KEY, { url: 'http://127.0.0.1:1', db: 'desk', user: 'clerk', enabled: false });
    expect(await finalizeDocument(db, id, 'seed')).toBe('CCIA 秘[2026]001 号');
    writeLocal(CONNECTION_KEY, undefined);
    db.close();
  });
});
