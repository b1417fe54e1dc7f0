import { Page } from '../../app/Page';

export function HomeDesk() {
  return <Page title="首页">{null}</Page>;
}
