import { DeskRoutes } from '../../ui/DeskRoutes';
import { NoticeEditorPage } from './Editor';
import { Register } from './Register';

/** 发文 desk (R-W1..R-W3): the register, the notice editor with its live preview, export to Word. */
export function DocumentsDesk() {
  return (
    <DeskRoutes list={<Register />} pages={{ new: <NoticeEditorPage />, ':id': <NoticeEditorPage /> }} />
  );
}

export { documentDocx } from './word';
