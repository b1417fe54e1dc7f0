import { useMemo } from 'react';
import type { CSSProperties } from 'react';
import { ccText, formatCnDate, textWidthChars } from '../../../../shared/documents/text';
import {
  CHARS_PER_LINE,
  LINES_PER_PAGE,
  pageNumberLabel,
  paginate,
  previewBlocks,
  type NoticeFields,
  type PlacedBlock,
} from './logic';

/** Pixels per millimetre of the on-screen page. */
const MM = 2.1;
const PAGE = { width: 210 * MM, height: 297 * MM };
// GB/T 9704-2012 §5.2.1: top 37 mm, bottom 35 mm, left 28 mm, right 26 mm (type area 156 × 225 mm).
const MARGIN = { top: 37 * MM, bottom: 35 * MM, left: 28 * MM, right: 26 * MM };
const CHAR = (156 * MM) / CHARS_PER_LINE;
const LINE = (225 * MM) / LINES_PER_PAGE;

export const FONT_TITLE =
  "'方正小标宋简体','FZXiaoBiaoSong-B05S','SimSun','Songti SC','Noto Serif CJK SC',serif";
export const FONT_BODY = "'仿宋_GB2312','仿宋','FangSong','STFangsong','AR PL UMing CN',serif";
const FONT_HEI = "'黑体','SimHei','Heiti SC','Noto Sans CJK SC',sans-serif";
const FONT_KAI = "'楷体_GB2312','楷体','KaiTi','STKaiti','AR PL UKai CN',serif";

function blockStyle(b: PlacedBlock): CSSProperties {
  const base: CSSProperties = {
    margin: 0,
    minHeight: LINE * b.lines,
    lineHeight: `${LINE}px`,
    fontSize: CHAR * 0.97,
    fontFamily: FONT_BODY,
    textAlign: 'justify',
    textIndent: b.continued ? 0 : b.indent * CHAR,
    wordBreak: 'break-all',
  };
  switch (b.kind) {
    case 'title':
      return {
        ...base,
        fontFamily: FONT_TITLE,
        fontSize: CHAR * (22 / 16),
        lineHeight: `${2 * LINE}px`,
        textAlign: 'center',
        textIndent: 0,
      };
    case 'docNo':
      return { ...base, textAlign: 'center' };
    case 'mark': {
      // 发文机关标志: red 小标宋, centred, as large as fits the line (at most 48 pt, as the builder).
      const pt = Math.max(26, Math.min(48, Math.floor(438 / Math.max(1, textWidthChars(b.text)))));
      return {
        ...base,
        fontFamily: FONT_TITLE,
        color: '#e00',
        fontSize: CHAR * (pt / 16),
        lineHeight: `${LINE * b.lines}px`,
        textAlign: 'center',
        textIndent: 0,
        whiteSpace: 'nowrap',
      };
    }
    case 'letterheadDocNo':
      // The red separator line 4 mm below the 发文字号, as wide as the type area.
      return {
        ...base,
        textAlign: 'center',
        textIndent: 0,
        borderBottom: `${MM * 0.5}px solid #e00`,
        minHeight: LINE - 4 * MM,
        marginBottom: 4 * MM,
      };
    case 'h1':
      return { ...base, fontFamily: FONT_HEI };
    case 'h2':
      return { ...base, fontFamily: FONT_KAI };
    default:
      return base;
  }
}

/** Issuer centred over the date, the date four characters in from the right (GB/T 9704-2012 §7.3.5.1). */
function signIndents(issuer: string, date: string): { issuer: number; date: number } {
  const wi = textWidthChars(issuer);
  const wd = textWidthChars(date);
  const axis = Math.max(4 + wd / 2, wi / 2);
  return { issuer: Math.max(0, axis - wi / 2) * CHAR, date: Math.max(0, axis - wd / 2) * CHAR };
}

/** 版记 at the foot of the last page's type area: 抄送 and 印发机关 / 印发日期 between rules (GB/T 9704-2012 §7.4). */
function Colophon(props: { colophon: { cc?: string; printDate?: string }; issuer: string; date: string }) {
  const cc = ccText(props.colophon.cc);
  const small = CHAR * (14 / 16);
  const line: CSSProperties = { margin: 0, lineHeight: `${LINE}px`, fontFamily: FONT_BODY, fontSize: small };
  return (
    <div
      aria-label="版记"
      style={{
        position: 'absolute',
        left: MARGIN.left,
        right: MARGIN.right,
        bottom: MARGIN.bottom,
        borderTop: `${0.35 * MM}px solid #000`,
        borderBottom: `${0.35 * MM}px solid #000`,
      }}
    >
      {cc && (
        <p
          style={{
            ...line,
            padding: `0 ${small}px 0 ${small * 4}px`,
            textIndent: -3 * small,
            borderBottom: `${0.25 * MM}px solid #000`,
          }}
        >
          抄送：{cc}
        </p>
      )}
      <p style={{ ...line, display: 'flex', justifyContent: 'space-between', padding: `0 ${small}px` }}>
        <span>{props.issuer}</span>
        <span>{formatCnDate(props.colophon.printDate || props.date)}印发</span>
      </p>
    </div>
  );
}

/** The live preview: A4 pages at GB/T 9704 geometry, 22 lines × 28 characters, page numbers — 1 —. */
export function NoticePreview(props: { notice: NoticeFields; note?: string }) {
  const pages = useMemo(() => paginate(previewBlocks(props.notice)), [props.notice]);
  const issuerText = pages.flat().find((b) => b.kind === 'issuer')?.text ?? '';
  const dateText = pages.flat().find((b) => b.kind === 'date')?.text ?? '';
  const sign = signIndents(issuerText, dateText);
  return (
    <div
      role="region"
      aria-label="预览"
      style={{
        background: '#e8e8e8',
        padding: 16,
        display: 'flex',
        flexDirection: 'column',
        gap: 16,
        alignItems: 'center',
      }}
    >
      {pages.map((blocks, i) => (
        <div
          key={i}
          data-testid="preview-page"
          style={{
            position: 'relative',
            width: PAGE.width,
            height: PAGE.height,
            background: '#fff',
            boxShadow: '0 1px 4px rgba(0,0,0,.25)',
            boxSizing: 'border-box',
            padding: `${MARGIN.top}px ${MARGIN.right}px ${MARGIN.bottom}px ${MARGIN.left}px`,
            color: '#000',
            overflow: 'hidden',
          }}
        >
          {blocks.map((b, j) => {
            const style = blockStyle(b);
            if (b.kind === 'issuer' || b.kind === 'date') {
              return (
                <p
                  key={j}
                  style={{
                    ...style,
                    textAlign: 'right',
                    textIndent: 0,
                    paddingRight: b.kind === 'issuer' ? sign.issuer : sign.date,
                  }}
                >
                  {b.text}
                </p>
              );
            }
            return (
              <p key={j} style={style}>
                {b.text || '\u00a0'}
              </p>
            );
          })}
          {props.notice.colophon && i === pages.length - 1 && (
            <Colophon colophon={props.notice.colophon} issuer={issuerText} date={props.notice.date} />
          )}
          <div
            style={{
              position: 'absolute',
              bottom: MARGIN.bottom - 7 * MM - CHAR * 1.4,
              [i % 2 === 0 ? 'right' : 'left']: (i % 2 === 0 ? MARGIN.right : MARGIN.left) + CHAR,
              fontFamily: "'SimSun','宋体','Songti SC',serif",
              fontSize: CHAR * (14 / 16),
            }}
          >
            {pageNumberLabel(i + 1)}
          </div>
        </div>
      ))}
      {props.note && <div style={{ color: '#595959', fontSize: 13 }}>{props.note}</div>}
    </div>
  );
}
