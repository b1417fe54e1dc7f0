/** Today's calendar date in the clerk's local time, `YYYY-MM-DD`. The only place that reads the clock for dates. */
export function today(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}`;
}
