/** Remembers the window's size, position and maximised state between launches. */
import { z } from 'zod';

export const windowStateSchema = z.object({
  x: z.number().int().optional(),
  y: z.number().int().optional(),
  width: z.number().int().min(800).max(20000),
  height: z.number().int().min(600).max(20000),
  maximized: z.boolean().default(false),
});
export type WindowState = z.infer<typeof windowStateSchema>;

export const DEFAULT_WINDOW_STATE: WindowState = { width: 1360, height: 860, maximized: false };

interface Rect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** Parses a stored state; anything unreadable gives the default. */
export function parseWindowState(text: string | null): WindowState {
  if (!text) return DEFAULT_WINDOW_STATE;
  try {
    const r = windowStateSchema.safeParse(JSON.parse(text));
    return r.success ? r.data : DEFAULT_WINDOW_STATE;
  } catch {
    return DEFAULT_WINDOW_STATE;
  }
}

/** Drops the position when it would put the window off every display (a monitor was unplugged). */
export function fitToDisplays(state: WindowState, displays: Rect[]): WindowState {
  if (state.x === undefined || state.y === undefined) return state;
  const { x, y } = state;
  const visible = displays.some(
    (d) => x + 100 > d.x && x < d.x + d.width - 100 && y >= d.y && y < d.y + d.height - 50,
  );
  if (visible) return state;
  return { width: state.width, height: state.height, maximized: state.maximized };
}
