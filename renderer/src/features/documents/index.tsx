import { Route, Routes } from 'react-router';
import { NoticeEditor } from './Editor';
import { Register } from './Register';

/** 发文 desk (R-W1..R-W3): the register, the notice editor with its live preview, export to Word. */
export function DocumentsDesk() {
  return (
    <Routes>
      <Route index element={<Register />} />
      <Route path="new" element={<NoticeEditor />} />
      <Route path=":id" element={<NoticeEditor key="doc" />} />
    </Routes>
  );
}

export { documentDocx } from './word';
