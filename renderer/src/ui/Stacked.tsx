import type { ReactNode } from 'react';

/** A control with its visible label above it, the label element naming it (the audit trail's filters). */
export function Stacked(props: { label: string; width?: number; children: ReactNode }) {
  return (
    <label
      style={{
        display: 'flex',
        flexDirection: 'column',
        gap: 2,
        ...(props.width !== undefined ? { width: props.width } : {}),
      }}
    >
      <span>{props.label}</span>
      {props.children}
    </label>
  );
}
