import { Edit } from 'react-admin';
import { CoverageReportForm, toCoverageArgs } from './CoverageReportForm';

export const CoverageReportEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={toCoverageArgs}>
    <CoverageReportForm />
  </Edit>
);
