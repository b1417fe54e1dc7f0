// @vitest-environment jsdom
/**
 * 用备份替换服务器数据 suspends the replication while the restore replaces the local data (issue 19): no
 * replication may start meanwhile. Every local setting written notifies the connection's listeners (the
 * restore writes some, the stopped run's setOnline(false) too), and the engine used to start a new
 * replication on the first note — on the replica resumeSync then destroyed, so the workstation stayed
 * 同步中 for good (the sync e2e's 'A 已同步' after the replacement). The server is unreachable here: only
 * which replication runs is asserted.
 */
import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { writeLocal } from '../../../renderer/src/db/local';
import { saveConnection } from '../../../renderer/src/sync/connection';
import {
  currentReplication,
  resumeSync,
  startSyncEngine,
  suspendSync,
} from '../../../renderer/src/sync/engine';

async function until(what: string, ok: () => boolean, ms = 5000): Promise<void> {
  const end = Date.now() + ms;
  while (!ok()) {
    if (Date.now() > end) throw new Error(`timed out: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('sync engine: suspended for a restore (issue 19)', () => {
  it('starts nothing while suspended, whatever is written locally; resumeSync starts a new replication', async () => {
    await saveConnection({
      url: 'http://127.0.0.1:9',
      db: `suspend-test-${process.pid}`,
      user: 'clerk',
      password: 'x',
    } as never);
    startSyncEngine();
    await until('the replication runs', () => currentReplication() !== null);
    const first = currentReplication();

    await suspendSync();
    expect(currentReplication()).toBeNull();
    // What a restore does meanwhile: local settings written (each one notifies the connection's listeners).
    writeLocal('local.test.during-restore', 1);
    writeLocal('local.test.during-restore', 2);
    await new Promise((r) => setTimeout(r, 300));
    expect(currentReplication()).toBeNull();

    await resumeSync({ forgetReplica: true });
    const next = currentReplication();
    expect(next).not.toBeNull();
    expect(next).not.toBe(first);
    await next!.stop();
  });
});
