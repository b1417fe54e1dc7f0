/**
 * 证书批次: every issue of certificates is entered in the 发文 register (R-W1) under its own number, beside
 * the notices — member certificates at admission (R-M3 (4)) and programme-member certificates (R-P3).
 * This is the register text of one batch: what was issued, on which day, to which units.
 */
import { certificateTitle, type CertificateKind } from './certificate';
import { formatCnDate, sanitizeLine } from './text';

export interface BatchCertificate {
  certificateNo: string;
  unitName: string;
}

export interface CertificateBatchInput {
  kind: CertificateKind;
  /** For kind 'programme'. */
  programmeName?: string;
  /** 'YYYY-MM-DD': the 发证日期, also the register entry's date. */
  issuedOn: string;
  certificates: readonly BatchCertificate[];
}

/** The register fields of a 证书批次 entry (type, title, addressee, date and the list as its body). */
export interface CertificateBatchText {
  type: '证书批次';
  title: string;
  addressee: string;
  date: string;
  body: string;
  attachments: string[];
}

export function certificateBatchText(b: CertificateBatchInput): CertificateBatchText {
  const n = b.certificates.length;
  if (n === 0) throw new Error('证书批次中没有证书');
  const what = certificateTitle(b);
  const names = b.certificates.map((c) => sanitizeLine(c.unitName));
  const lines = b.certificates.map((c, i) => `${i + 1}. ${sanitizeLine(c.certificateNo)}\u3000${names[i]}`);
  return {
    type: '证书批次',
    title: `颁发${what}（${n} 份）`,
    addressee: n === 1 ? names[0]! : `${names[0]}等 ${n} 家单位`,
    date: b.issuedOn,
    body: [`${formatCnDate(b.issuedOn)}颁发${what} ${n} 份，证书编号及单位如下：`, ...lines].join('\n'),
    attachments: [],
  };
}
