import { Create } from 'react-admin';
import { CoverageReportForm, toCoverageArgs } from './CoverageReportForm';

export const CoverageReportCreate = () => (
  <Create redirect="show" transform={toCoverageArgs}>
    <CoverageReportForm creating />
  </Create>
);
