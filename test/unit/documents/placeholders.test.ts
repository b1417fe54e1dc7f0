import { describe, expect, it } from 'vitest';
import { findPlaceholders, placeholderRefusal } from '../../../shared/documents/placeholders';
import { TEMPLATES } from '../../../renderer/src/features/documents/logic';

describe('template placeholders (R-W1: 定稿 uses up a number)', () => {
  it('finds the ×× and …… of every template but the seed notice, by where they are', () => {
    const general = TEMPLATES.find((t) => t.id === 'general')!;
    const found = findPlaceholders(general);
    expect(found[0]).toEqual({ where: '标题', text: '关于××的通知' });
    expect(found.map((p) => p.where)).toContain('正文第 1 行');
    expect(found.map((p) => p.where)).toContain('正文第 2 行');
    for (const t of TEMPLATES) expect(findPlaceholders(t).length > 0).toBe(t.id !== 'sunshine');
  });

  it('names them in the refusal, and nothing is refused once they are replaced', () => {
    const refusal = placeholderRefusal(findPlaceholders({ title: '关于××的通知', body: '一、××\n正文' }));
    expect(refusal).toContain('标题“关于××的通知”');
    expect(refusal).toContain('正文第 1 行“一、××”');
    expect(
      placeholderRefusal(findPlaceholders({ title: '关于年会的通知', body: '一、时间\n正文' })),
    ).toBeNull();
  });
});
