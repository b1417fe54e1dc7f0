/**
 * Template placeholders left in a draft: the ×× and …… of the notice templates (关于××的通知, ×年×月×日,
 * 为……，根据……). 定稿 refuses while any remains (R-W1: a number, once given, is used up for ever). Pure.
 */

export interface Placeholder {
  /** Where it is: 标题, 主送, 正文第 3 行, 附件 1, 发文机关. */
  where: string;
  /** The placeholder and a little of its context, as the clerk sees it: “关于××的通知”. */
  text: string;
}

const PLACEHOLDER = /×+|…{2,}/g;

function found(where: string, line: string): Placeholder[] {
  const out: Placeholder[] = [];
  for (const m of line.matchAll(PLACEHOLDER)) {
    const from = Math.max(0, m.index - 6);
    const to = Math.min(line.length, m.index + m[0].length + 6);
    out.push({ where, text: `${from > 0 ? '…' : ''}${line.slice(from, to)}${to < line.length ? '…' : ''}` });
  }
  return out;
}

export function findPlaceholders(doc: {
  title: string;
  addressee?: string;
  body: string;
  attachments?: readonly string[];
  issuer?: string;
}): Placeholder[] {
  return [
    ...found('标题', doc.title),
    ...found('主送', doc.addressee ?? ''),
    ...doc.body.split('\n').flatMap((line, i) => found(`正文第 ${i + 1} 行`, line)),
    ...(doc.attachments ?? []).flatMap((a, i) => found(`附件 ${i + 1}`, a)),
    ...found('发文机关', doc.issuer ?? ''),
  ];
}

/** 定稿's refusal: 模板占位符尚未替换：标题“关于××的通知”；正文第 2 行“一、××”…… (at most `max` named). */
export function placeholderRefusal(list: readonly Placeholder[], max = 5): string | null {
  if (list.length === 0) return null;
  const named = list.slice(0, max).map((p) => `${p.where}“${p.text}”`);
  const more = list.length > max ? `等共 ${list.length} 处` : '';
  return `还有模板占位符未替换，不能定稿：${named.join('；')}${more}。请改为实际内容后再定稿。`;
}
