import { Page } from '../../app/Page';

export function DuesDesk() {
  return <Page title="会费">{null}</Page>;
}
