import { describe, expect, it } from 'vitest';
import { installChineseNames } from '../../renderer/src/app/a11yNames';

describe('Chinese names for antd’s English ones (issue 16.5)', () => {
  it('names icon-only controls by their title or action, hides decorative icons, translates fixed labels', async () => {
    document.body.innerHTML = `
      <ul><li title="上一页"><button id="prev"><span class="anticon" role="img" aria-label="left"></span></button></li></ul>
      <button id="search"><span class="anticon" role="img" aria-label="search"></span></button>
      <button id="save"><span class="anticon" role="img" aria-label="check"></span>保存</button>
      <span id="up" role="button" aria-label="Increase Value"></span>
      <input id="row" type="checkbox" aria-label="Select row 3" />`;
    const stop = installChineseNames(document);
    const $ = (id: string) => document.getElementById(id)!;
    expect($('prev').getAttribute('aria-label')).toBe('上一页');
    expect($('search').getAttribute('aria-label')).toBe('搜索');
    expect($('save').hasAttribute('aria-label')).toBe(false);
    expect($('save').querySelector('.anticon')!.getAttribute('aria-hidden')).toBe('true');
    expect($('up').getAttribute('aria-label')).toBe('增加');
    expect($('row').getAttribute('aria-label')).toBe('选择第 3 行');
    // Added later: renamed on the next frame.
    document.body.insertAdjacentHTML(
      'beforeend',
      '<button id="clear"><span class="anticon" role="img" aria-label="close-circle"></span></button>',
    );
    await new Promise((r) => setTimeout(r, 50));
    expect($('clear').getAttribute('aria-label')).toBe('清除');
    stop();
  });
});
