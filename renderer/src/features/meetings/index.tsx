import { Page } from '../../app/Page';

export function MeetingsDesk() {
  return <Page title="会议">{null}</Page>;
}
