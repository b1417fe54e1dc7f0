/**
 * The charter rules engine (docs/charter-rules.md): pure functions, no I/O, no clock, no DOM.
 * Dates are 'YYYY-MM-DD' strings, money is integer yuan, thresholds are integer comparisons.
 * Invalid arguments throw a `RangeError` with a Chinese message.
 *
 * Modules: dates (calendar arithmetic), holidays (working days, R-M6), voting (R-O2, R-O4, R-O6),
 * dues (R-D1 … R-D7), membership (R-M2 … R-M10), credit-code (R-M2), offices (R-O3 … R-O9),
 * meetings (R-O2, R-O4, R-O6), documents (R-W1, R-W2), programmes (R-P1 … R-P3), settings (the readings the clerk may change).
 */
export type { Body, Tier, IsoDate, MemberStatus, OfficeRole, Attendance, MeetingForm } from '../domain/types';

export * from './dates';
export * from './holidays';
export * from './settings';
export * from './voting';
export * from './dues';
export * from './membership';
export * from './credit-code';
export * from './offices';
export * from './meetings';
export * from './documents';
export * from './programmes';
export * from './motionTally';
export * from './tiers';
export * from './certificates';
export * from './articles';
