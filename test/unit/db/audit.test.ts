import { describe, expect, it } from 'vitest';
import { freshDb } from './harness';
import { writeAudit, appendAudit } from '../../../renderer/src/db/audit';
import {
  LOCAL_CLERK_NAME_KEY,
  LOCAL_WORKSTATION_NAME_KEY,
  readLocalSettings,
  saveLocalSettings,
} from '../../../renderer/src/records/settings';
import { writeLocal } from '../../../renderer/src/db/local';

describe('audit entries name the workstation and the clerk (issue 19)', () => {
  it('every entry written after the names are set carries them; the names are not a shared setting', async () => {
    const db = freshDb();
    writeLocal(LOCAL_WORKSTATION_NAME_KEY, undefined);
    writeLocal(LOCAL_CLERK_NAME_KEY, undefined);
    await db.transaction('rw', db.audit, () =>
      writeAudit(db, { entity: 'members', action: 'create', summary: '之前' }),
    );
    await saveLocalSettings(db, { workstationName: ' 秘书处-会费 ', clerkName: '张敏' });
    expect(readLocalSettings()).toEqual({ workstationName: '秘书处-会费', clerkName: '张敏' });
    await db.transaction('rw', db.audit, async () => {
      await writeAudit(db, { entity: 'members', entityId: 1, action: 'update', summary: '之后' });
      await appendAudit(db, [
        { at: new Date().toISOString(), entity: 'imports', action: 'import', summary: '批' },
      ]);
    });
    const all = await db.audit.toArray();
    const by = (s: string) => all.find((e) => e.summary === s)!;
    expect(by('之前').workstation).toBeUndefined();
    expect(by('之前').clerk).toBeUndefined();
    expect(by('之后')).toMatchObject({ workstation: '秘书处-会费', clerk: '张敏' });
    expect(by('批')).toMatchObject({ workstation: '秘书处-会费', clerk: '张敏' });
    // The change itself is audited, and named as after it.
    expect(all.find((e) => e.summary.startsWith('修改本工作站设置'))).toMatchObject({
      summary: '修改本工作站设置：工作站名称 （未填写） → 秘书处-会费；经办人 （未填写） → 张敏',
      workstation: '秘书处-会费',
    });
    // Local-only: nothing in db.settings (backups and replication carry db.settings).
    expect(await db.settings.count()).toBe(0);
    db.close();
  });

  it('refuses a name that is too long, in Chinese, and keeps the stored one', async () => {
    const db = freshDb();
    await saveLocalSettings(db, { workstationName: '会议室笔记本', clerkName: '' });
    await expect(saveLocalSettings(db, { clerkName: '王'.repeat(41) })).rejects.toThrow(
      '经办人不能超过 40 个字',
    );
    expect(readLocalSettings()).toEqual({ workstationName: '会议室笔记本', clerkName: '' });
    db.close();
  });
});
