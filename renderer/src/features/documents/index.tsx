import { Page } from '../../app/Page';

export function DocumentsDesk() {
  return <Page title="发文">{null}</Page>;
}
