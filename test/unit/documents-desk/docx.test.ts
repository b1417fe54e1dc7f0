import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { documentDocx } from '../../../renderer/src/features/documents/word';
import { sha256Hex, templateById } from '../../../renderer/src/features/documents/logic';
import type { OutgoingDocument } from '../../../shared/domain/records';
import { exportOptions } from '../../../renderer/src/features/settings/exportOptions';

/** The clerk's 公文设置 as the exports get them (the default scheme here). */
const OPTS = exportOptions({});

function finalDoc(): OutgoingDocument {
  const t = templateById('sunshine');
  if (!t) throw new Error('no template');
  return {
    id: 1,
    year: 2026,
    seq: 1,
    docNumber: 'CCIA 秘[2026]001 号',
    title: t.title,
    type: t.type,
    date: '2026-03-02',
    addressee: t.addressee,
    body: t.body,
    attachments: t.attachments,
    issuer: '中国网络安全产业联盟秘书处',
    template: 'sunshine',
    status: 'final',
    createdAt: '',
    updatedAt: '',
  };
}

describe('发文 export (R-W1, R-W2)', () => {
  it('re-exporting a final document gives identical bytes and SHA-256', async () => {
    const a = await documentDocx(finalDoc(), OPTS);
    await new Promise((r) => setTimeout(r, 1100)); // a second later: a time stamp would differ
    const b = await documentDocx(finalDoc(), OPTS);
    expect(await sha256Hex(a)).toBe(await sha256Hex(b));
    const zip = await JSZip.loadAsync(a);
    const core = await zip.file('docProps/core.xml')?.async('string');
    expect(core).toContain('2026-03-02T00:00:00Z');
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).toContain('CCIA 秘[2026]001 号');
    expect(xml).toContain('附件1');
    expect(xml).toContain('成员守则');
  });

  it('a draft is exported without a number', async () => {
    const d = { ...finalDoc(), status: 'draft' as const };
    const zip = await JSZip.loadAsync(await documentDocx(d, OPTS));
    const xml = (await zip.file('word/document.xml')?.async('string')) ?? '';
    expect(xml).not.toContain('CCIA 秘[');
  });
});
