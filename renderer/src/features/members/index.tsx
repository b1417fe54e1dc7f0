import { Page } from '../../app/Page';

export function MembersDesk() {
  return <Page title="会员">{null}</Page>;
}
