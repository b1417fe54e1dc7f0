import { Page } from '../../app/Page';

export function ApplicationsDesk() {
  return <Page title="入会申请">{null}</Page>;
}
