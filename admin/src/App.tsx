import { Admin, localStorageStore, Resource } from 'react-admin';
import { authProvider } from './authProvider';
import { dataProvider } from './dataProvider';
import { Home } from './home/Home';
import { i18nProvider } from './i18n';
import { Login } from './layout/Login';
import { darkTheme, lightTheme } from './layout/themes';
import account, { passwordChangeRoutes } from './resources/account';
import auditEvents from './resources/audit-events';
import awardWeights from './resources/award-weights';
import awards from './resources/awards';
import budgets from './resources/budgets';
import contributionRates from './resources/contribution-rates';
import coverageReports from './resources/coverage-reports';
import districts from './resources/districts';
import enrollments from './resources/enrollments';
import importPage from './resources/import';
import partnerOrganisations from './resources/partner-organisations';
import proposals from './resources/proposals';
import regencies from './resources/regencies';
import regulations from './resources/regulations';
import users from './resources/users';
import villages from './resources/villages';
import workers from './resources/workers';

// Resource names are the GraphQL type names (ra-data-graphql-simple); menus, buttons and pages
// show only what authProvider.canAccess allows, from the shared permission matrix.
// No `requireAuth`: with react-router 7 it makes react-admin 5.15 loop between its loading screen and
// the logout redirect for 10+ seconds before the login page shows (marmelab/react-admin#10885).
// Every page checks authentication itself, and a signed-out user sees an empty menu.
export const App = () => (
  <Admin
    title="Lindung"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    loginPage={Login}
    dashboard={Home}
    store={localStorageStore(undefined, 'Lindung')}
    theme={lightTheme}
    darkTheme={darkTheme}
    defaultTheme="light"
    disableTelemetry
  >
    <Resource name="Regency" {...regencies} />
    <Resource name="District" {...districts} />
    <Resource name="Village" {...villages} />
    <Resource name="PartnerOrganisation" {...partnerOrganisations} />
    <Resource name="Worker" {...workers} />
    <Resource name="Enrollment" {...enrollments} />
    <Resource name="Proposal" {...proposals} />
    <Resource name="Budget" {...budgets} />
    <Resource name="CoverageReport" {...coverageReports} />
    <Resource name="Regulation" {...regulations} />
    <Resource name="Award" {...awards} />
    <Resource name="AwardWeight" {...awardWeights} />
    <Resource name="User" {...users} />
    <Resource name="ContributionRate" {...contributionRates} />
    <Resource name="AuditEvent" {...auditEvents} />
    {/* Not a GraphQL type: the caller's own account page, and the forced password change. */}
    <Resource name="Account" {...account} />
    {/* Not a GraphQL type either: importing a CSV file (importEnrollments). */}
    <Resource name="Import" {...importPage} />
    {passwordChangeRoutes}
  </Admin>
);
