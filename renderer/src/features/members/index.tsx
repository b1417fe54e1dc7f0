import { App } from 'antd';
import { useNavigate } from 'react-router';
import { Page } from '../../ui/Page';
import { DeskRoutes } from '../../ui/DeskRoutes';
import { db } from '../../db';
import { MemberFile } from './MemberFile';
import { MemberForm } from './MemberForm';
import { Roster } from './Roster';
import { saveMember } from '../../records/members';
import { memberPath } from './logic';

export { MemberForm } from './MemberForm';
export type { MemberFormSubmit, MemberFormValues } from './MemberForm';
export { memberPath } from './logic';
export { StatusTag } from './Roster';

/** 新增会员: direct entry of an existing member (status 正式会员, with its 入会日期). */
function NewMember() {
  const navigate = useNavigate();
  const { message } = App.useApp();
  return (
    <Page title="新增会员">
      <MemberForm
        label="新增会员"
        withApprovedOn
        onCancel={() => navigate('/members')}
        onSubmit={async ({ fields, approvedOn, confirmedWarnings }) => {
          const id = await saveMember(db, fields, {
            approvedOn: approvedOn as string,
            confirmedWarnings,
            source: '直接录入会员',
          });
          message.success(`已保存：${fields.name}`);
          navigate(memberPath(id));
        }}
      />
    </Page>
  );
}

export function MembersDesk() {
  return <DeskRoutes list={<Roster />} pages={{ new: <NewMember />, ':id': <MemberFile /> }} />;
}
