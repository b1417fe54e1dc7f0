/**
 * The 专项行动 desk's Word papers: the Sunshine application form (附件1) prefilled from the member file and
 * what the applicant entered, one per unit or zipped for all open enrolments, and the 成员单位证书 (R-P3) in one
 * file or one file each. This module only maps records to the shared builders (shared/documents).
 */
import {
  buildCertificate,
  buildCertificatesBatch,
  buildSunshineApplicationForm,
  type CertificateInput,
} from '../../../../shared/documents';
import type { Certificate, Enrolment, Member, Programme } from '../../../../shared/domain/records';
import { fileNamePart } from '../../../../shared/data/fileName';
import { ZipWriter } from '../../io/zipWriter';
import { mergedForm } from './logic';
import type { ExportOptions } from '../settings/exportOptions';

/** The issuer printed on programme certificates. */
export const CERT_ISSUER = '中国网络安全产业联盟';

export interface WordFile {
  name: string;
  bytes: Uint8Array;
}

type Progress = (done: number, total: number) => void;

/**
 * One unit's application form, prefilled (the stored form over the member file's values). Every paper of
 * this module takes `options`: the clerk's 公文设置 (documentOptionsFromSettings).
 */
export async function applicationFormDocx(
  member: Pick<Member, 'name' | 'contact' | 'postalAddress'>,
  form: Record<string, string> | undefined,
  options: ExportOptions,
): Promise<WordFile> {
  return {
    name: `${fileNamePart(member.name)} 阳光行动申请表.docx`,
    bytes: await buildSunshineApplicationForm(mergedForm(member, form), options),
  };
}

/** The prefilled forms of the given enrolments, zipped (members not found are skipped). */
export async function applicationFormsZip(
  programme: Pick<Programme, 'name'>,
  enrolments: readonly Enrolment[],
  memberOf: (id: number) => Member | undefined,
  options: ExportOptions,
  onProgress?: Progress,
): Promise<WordFile> {
  const zip = new ZipWriter();
  for (const [i, e] of enrolments.entries()) {
    const m = memberOf(e.memberId);
    if (m) {
      const f = await applicationFormDocx(m, e.form, options);
      zip.file(f.name, f.bytes);
    }
    onProgress?.(i + 1, enrolments.length);
  }
  return {
    name: `${fileNamePart(programme.name)} 申请表（${enrolments.length} 家）.zip`,
    bytes: await zip.generateAsync({ type: 'uint8array' }),
  };
}

/** The valid programme certificates as builder inputs, in number order. */
export function certificateInputs(
  programme: Pick<Programme, 'name'>,
  certificates: readonly Certificate[],
  memberOf: (id: number) => Member | undefined,
): CertificateInput[] {
  return certificates
    .filter((c) => c.status === 'valid')
    .sort((a, b) => a.certificateNo.localeCompare(b.certificateNo))
    .map((c) => ({
      kind: 'programme',
      unitName: memberOf(c.memberId)?.name ?? '',
      certificateNo: c.certificateNo,
      issuedOn: c.issuedOn,
      issuer: CERT_ISSUER,
      programmeName: programme.name,
    }));
}

/** All certificates in one .docx, one page each. */
export async function certificatesDocx(
  programme: Pick<Programme, 'name'>,
  inputs: readonly CertificateInput[],
  options: ExportOptions,
): Promise<WordFile> {
  return {
    name: `${fileNamePart(programme.name)} 成员单位证书（${inputs.length} 份）.docx`,
    bytes: await buildCertificatesBatch([...inputs], options),
  };
}

/** One .docx per certificate, zipped. */
export async function certificatesZip(
  programme: Pick<Programme, 'name'>,
  inputs: readonly CertificateInput[],
  options: ExportOptions,
  onProgress?: Progress,
): Promise<WordFile> {
  const zip = new ZipWriter();
  for (const [i, c] of inputs.entries()) {
    zip.file(`${c.certificateNo} ${fileNamePart(c.unitName)}.docx`, await buildCertificate(c, options));
    onProgress?.(i + 1, inputs.length);
  }
  return {
    name: `${fileNamePart(programme.name)} 成员单位证书.zip`,
    bytes: await zip.generateAsync({ type: 'uint8array' }),
  };
}
