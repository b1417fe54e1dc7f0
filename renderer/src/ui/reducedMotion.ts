/**
 * Whether the system asks for less motion (Windows: 设置 › 辅助功能 › 视觉效果 › 动画效果 off, which Chromium
 * and Electron report as `prefers-reduced-motion: reduce`).
 *
 * The desk then shows dialogs, lists and toasts without antd's zoom and fade (WCAG 2.3.3). It also spares a
 * click: a button pressed during a dialog's 0.2 s zoom-in moves under the pointer before it is released,
 * and the browser then gives the click to the dialog around it, not to the button.
 *
 * Read once, when the window opens: antd wraps the whole tree in a motion provider the first time its
 * motion setting changes, which would remount every open form and lose what the clerk typed. A change of
 * the system setting applies from the next start.
 */
export function prefersReducedMotion(): boolean {
  return typeof window !== 'undefined' && typeof window.matchMedia === 'function'
    ? window.matchMedia('(prefers-reduced-motion: reduce)').matches
    : false;
}
