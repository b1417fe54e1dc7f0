import { Page } from '../../app/Page';

export function ProgrammesDesk() {
  return <Page title="专项行动">{null}</Page>;
}
