/** What replicates (issue 19): one list, checked against the schema; the server address check. */
import { describe, expect, it } from 'vitest';
import {
  LOCAL_TABLES,
  REPLICATED_TABLES,
  docIdOf,
  isLocalSetting,
  isReplicatedRow,
  parseDocId,
} from '../../../shared/sync/scope';
import { checkDatabaseName, checkServerUrl, isLoopbackOrLan } from '../../../shared/sync/server';
import { SCHEMA_V1 } from '../../../renderer/src/db/schema';

describe('replication scope', () => {
  it('every table of the schema is either replicated or listed as local', () => {
    for (const t of Object.keys(SCHEMA_V1)) expect(REPLICATED_TABLES as readonly string[]).toContain(t);
    for (const t of REPLICATED_TABLES) expect(LOCAL_TABLES).not.toContain(t);
  });

  it('settings: local. / sync. keys and the import mapping stay local; the alliance settings replicate', () => {
    for (const k of ['local.workstationName', 'local.clerkName', 'sync.connection', 'importMapping'])
      expect(isLocalSetting(k)).toBe(true);
    for (const k of ['charter', 'holidaySchedules', 'bank', 'duesTrackedFrom', 'documents']) {
      expect(isLocalSetting(k)).toBe(false);
      expect(isReplicatedRow('settings', k)).toBe(true);
    }
    expect(isReplicatedRow('settings', 'importMapping')).toBe(false);
    expect(isReplicatedRow('syncOutbox', 1)).toBe(false);
    expect(isReplicatedRow('members', 0)).toBe(false);
  });

  it('document ids: <table>:<key>, parsed back; others are not rows', () => {
    expect(docIdOf('members', 4294967297)).toBe('members:4294967297');
    expect(parseDocId('members:4294967297')).toEqual({ table: 'members', key: 4294967297 });
    expect(parseDocId('settings:charter')).toEqual({ table: 'settings', key: 'charter' });
    for (const id of [
      '_design/x',
      'counter:R-W1:2026',
      'members:01',
      'members:x',
      'settings:local.clerkName',
      'members:',
    ])
      expect(parseDocId(id)).toBeNull();
  });
});

describe('server address (plain http only on loopback and LAN)', () => {
  it('accepts loopback, LAN and https', () => {
    for (const h of [
      '127.0.0.1',
      '127.8.9.10',
      '::1',
      '[::1]',
      'localhost',
      '10.1.2.3',
      '172.16.0.1',
      '172.31.255.255',
      '192.168.1.20',
    ])
      expect(isLoopbackOrLan(h)).toBe(true);
    for (const h of ['172.15.0.1', '172.32.0.1', '192.169.1.1', '8.8.8.8', 'couch.example.org', '11.0.0.1'])
      expect(isLoopbackOrLan(h)).toBe(false);
    expect(checkServerUrl(' http://192.168.1.20:5984/ ')).toEqual({
      origin: 'http://192.168.1.20:5984',
      base: 'http://192.168.1.20:5984',
    });
    expect(checkServerUrl('https://couch.example.org/couch').base).toBe('https://couch.example.org/couch');
    expect(checkServerUrl('http://[::1]:5984').origin).toBe('http://[::1]:5984');
  });

  it('refuses with a Chinese message', () => {
    expect(() => checkServerUrl('http://couch.example.org:5984')).toThrow(
      '拒绝通过未加密的 http 连接 couch.example.org',
    );
    expect(() => checkServerUrl('http://8.8.8.8')).toThrow('拒绝通过未加密的 http');
    expect(() => checkServerUrl('')).toThrow('请填写服务器地址');
    expect(() => checkServerUrl('couch')).toThrow('服务器地址格式不正确');
    expect(() => checkServerUrl('ftp://192.168.1.2')).toThrow('应以 http:// 或 https:// 开头');
    expect(() => checkServerUrl('http://admin:pw@127.0.0.1:5984')).toThrow('不能含用户名或密码');
    expect(() => checkServerUrl('http://127.0.0.1:5984/?x=1')).toThrow('不能含');
  });

  it('database names follow CouchDB', () => {
    expect(checkDatabaseName(' ccia-desk ')).toBe('ccia-desk');
    expect(() => checkDatabaseName('CCIA')).toThrow('小写英文字母开头');
    expect(() => checkDatabaseName('')).toThrow('请填写数据库名称');
  });
});
