/**
 * The forms holding edits not yet saved, by label (ui/unsaved.ts registers them). Kept beside the pending
 * writes (index.ts): both are what the window settles before it closes — pending writes are written, unsaved
 * edits are named to the clerk, who decides.
 */

type Check = () => string | null;
const checks = new Set<Check>();

/** Registers a form's check (its label while it holds unsaved edits, else null); returns the unregister. */
export function registerUnsaved(check: Check): () => void {
  checks.add(check);
  return () => {
    checks.delete(check);
  };
}

/** The labels of the forms holding unsaved edits now (one each, in registration order). */
export function unsavedLabels(): string[] {
  const out: string[] = [];
  for (const check of checks) {
    let label: string | null = null;
    try {
      label = check();
    } catch {
      // a form being torn down: nothing to keep
    }
    if (label !== null && !out.includes(label)) out.push(label);
  }
  return out;
}
