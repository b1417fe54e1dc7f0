import { Tooltip, Typography } from 'antd';
import { articleLabel, articleSentence, articlesOf } from '../../../shared/charter/articles';

/**
 * The charter as the clerk knows it (issue 16): "章程第十二条" for the rule ids given (R-M6 …), each article
 * with its sentence as a tooltip (also reachable by keyboard: the reference is focusable). `note` follows the
 * reference ("章程第十二条 · 5 个工作日内"). Rules from the notices (R-W*, R-P*) show nothing.
 */
export function CharterRef(props: { rules: readonly string[]; note?: string }) {
  const arts = articlesOf(props.rules);
  if (arts.length === 0 && !props.note) return null;
  return (
    <Typography.Text type="secondary">
      {arts.map((n, i) => (
        <span key={n}>
          {i > 0 && '、'}
          <Tooltip title={articleSentence(n)} styles={{ root: { maxWidth: 480 } }}>
            <span
              tabIndex={0}
              data-article={n}
              style={{ textDecoration: 'underline dotted', cursor: 'help' }}
            >
              {i === 0 ? articleLabel(n) : articleLabel(n).slice(2)}
            </span>
          </Tooltip>
        </span>
      ))}
      {props.note && `${arts.length ? ' · ' : ''}${props.note}`}
    </Typography.Text>
  );
}
