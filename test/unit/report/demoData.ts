import { generateDemo } from '../../../shared/demo/generate';
import { DEFAULT_CHARTER_SETTINGS } from '../../../shared/charter';
import type { ReportData } from '../../../shared/report/figures';

/** The demo dataset as the report reads it (the tables the generator does not fill are empty). */
export function demoReportData(asOf: string, members = 300): ReportData {
  const ds = generateDemo({ asOf, members });
  return {
    ...ds,
    overrides: [],
    ballots: [],
    programmes: [],
    enrolments: [],
    certificates: [],
    documents: [],
    settings: { ...DEFAULT_CHARTER_SETTINGS },
  };
}
