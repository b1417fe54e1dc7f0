/**
 * Node test environment for dexie-export-import (import this first): fake IndexedDB, `self`, and a
 * minimal FileReader (readAsArrayBuffer / readAsBinaryString) — Node 20 has Blob but no FileReader.
 */
import 'fake-indexeddb/auto';

const g = globalThis as Record<string, unknown>;
g.self ??= globalThis;

if (!g.FileReader) {
  class NodeFileReader {
    result: unknown = null;
    error: unknown = null;
    onload: ((ev: { target: NodeFileReader }) => void) | null = null;
    onerror: ((ev: { target: NodeFileReader }) => void) | null = null;
    onabort: ((ev: { target: NodeFileReader }) => void) | null = null;
    private listeners: Record<string, ((ev: { target: NodeFileReader }) => void)[]> = {};
    addEventListener(type: string, fn: (ev: { target: NodeFileReader }) => void) {
      (this.listeners[type] ??= []).push(fn);
    }
    private fire(type: 'load' | 'error') {
      const ev = { target: this };
      (type === 'load' ? this.onload : this.onerror)?.(ev);
      for (const fn of this.listeners[type] ?? []) fn(ev);
    }
    private read(blob: Blob, as: (buf: ArrayBuffer) => unknown) {
      blob.arrayBuffer().then(
        (buf) => {
          this.result = as(buf);
          this.fire('load');
        },
        (e: unknown) => {
          this.error = e;
          this.fire('error');
        },
      );
    }
    readAsArrayBuffer(blob: Blob) {
      this.read(blob, (b) => b);
    }
    readAsBinaryString(blob: Blob) {
      this.read(blob, (b) => Buffer.from(b).toString('latin1'));
    }
    readAsText(blob: Blob) {
      this.read(blob, (b) => new TextDecoder().decode(b));
    }
  }
  g.FileReader = NodeFileReader;
}
