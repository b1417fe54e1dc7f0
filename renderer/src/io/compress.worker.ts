/**
 * Worker: compresses and hashes the backup's database.json while the backup Worker reads and encodes the
 * tables (contentCompress.ts: compressService, issue 17).
 */
import { compressService, type CompressReply, type CompressRequest } from './contentCompress';

const scope = self as unknown as {
  onmessage: ((ev: MessageEvent<CompressRequest>) => void) | null;
  postMessage: (m: CompressReply, t: Transferable[]) => void;
};

const handle = compressService((m, transfer) => scope.postMessage(m, transfer));
scope.onmessage = (ev) => handle(ev.data);
