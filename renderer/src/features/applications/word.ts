/**
 * The .docx exports of the 入会申请 desk, from the shared builders: the filled 入会申请书 (R-M3 (1), R-W3)
 * and the 会员证书 (R-M3 (4)).
 */
import type { Application, Certificate } from '../../../../shared/domain/records';
import { ALLIANCE_NAME, buildCertificate, buildMembershipApplication } from '../../../../shared/documents';
import type { ExportOptions } from '../settings/exportOptions';

/** 入会申请书 filled with the applicant's details, for it to stamp; `options`: the clerk's 公文设置. */
export function membershipApplicationDocx(app: Application, options: ExportOptions): Promise<Uint8Array> {
  const u = app.unit;
  return buildMembershipApplication(
    {
      unitName: u.name,
      creditCode: u.creditCode,
      registrationRegion: u.region,
      unitNature: u.nature,
      establishedOn: '',
      businessAreas: u.business,
      representative: u.representative,
      contact: u.contact,
      postalAddress: u.postalAddress,
      postalCode: '',
      materials: app.materials,
      applicationDate: '',
    },
    options,
  );
}

/** 会员证书 (R-M3 (4)). */
export function memberCertificateDocx(
  c: Certificate,
  unitName: string,
  options: ExportOptions,
): Promise<Uint8Array> {
  return buildCertificate(
    {
      kind: 'member',
      unitName,
      certificateNo: c.certificateNo,
      issuedOn: c.issuedOn,
      issuer: ALLIANCE_NAME,
    },
    options,
  );
}
