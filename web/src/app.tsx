import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { RequireSession } from './features/auth/require-session.tsx';
import { SessionProvider } from './features/auth/session-context.tsx';
import { AccountPage } from './routes/account-page.tsx';
import { ActivityPage } from './routes/activity-page.tsx';
import { BoardPage } from './routes/board-page.tsx';
import { BoardSessionPage } from './routes/board-session-page.tsx';
import { ExerciseNewPage } from './routes/exercise-new-page.tsx';
import { ExercisePage } from './routes/exercise-page.tsx';
import { ExercisesPage } from './routes/exercises-page.tsx';
import { FindingNewPage } from './routes/finding-new-page.tsx';
import { FindingPage } from './routes/finding-page.tsx';
import { FindingsPage } from './routes/findings-page.tsx';
import { LoginPage } from './routes/login-page.tsx';
import { NotFoundPage } from './routes/not-found-page.tsx';
import { ProductsPage } from './routes/products-page.tsx';
import { PolicyPage } from './routes/policy-page.tsx';
import { QueuePage } from './routes/queue-page.tsx';
import { RemediationPage } from './routes/remediation-page.tsx';
import { RemediationsPage } from './routes/remediations-page.tsx';
import { RoutingPage } from './routes/routing-page.tsx';
import { RunImportPage } from './routes/run-import-page.tsx';
import { RunsPage } from './routes/runs-page.tsx';
import { Shell } from './routes/shell.tsx';
import { RisksPage } from './routes/risks-page.tsx';
import { RiskPage } from './routes/risk-page.tsx';
import { FrameworksPage } from './routes/frameworks-page.tsx';
import { TriagePage } from './routes/triage-page.tsx';
import { UnroutedPage } from './routes/unrouted-page.tsx';
import { UsersPage } from './routes/users-page.tsx';
import { ZoneImportPage } from './routes/zone-import-page.tsx';
import { ZoneNewPage } from './routes/zone-new-page.tsx';
import { ZonePage } from './routes/zone-page.tsx';
import { ZonesPage } from './routes/zones-page.tsx';
import { LaunchPage } from './routes/launch-page.tsx';
import { LaunchesPage } from './routes/launches-page.tsx';
import { PremortemPage } from './routes/premortem-page.tsx';
import { PrdPage } from './routes/prd-page.tsx';
import { PrdsPage } from './routes/prds-page.tsx';
import { Loading } from './ui/loading.tsx';

// The report and run pages carry the charting library: load them only when opened.
const ReportPage = lazy(() => import('./routes/report-page.tsx').then((m) => ({ default: m.ReportPage })));
const RunPage = lazy(() => import('./routes/run-page.tsx').then((m) => ({ default: m.RunPage })));
const KpisPage = lazy(() => import('./routes/kpis-page.tsx').then((m) => ({ default: m.KpisPage })));
// Planning, debt and the metrics pages chart too.
const PlanPage = lazy(() => import('./routes/plan-page.tsx').then((m) => ({ default: m.PlanPage })));
const DebtPage = lazy(() => import('./routes/debt-page.tsx').then((m) => ({ default: m.DebtPage })));
const ScorecardPage = lazy(() => import('./routes/scorecard-page.tsx').then((m) => ({ default: m.ScorecardPage })));
const DashboardPage = lazy(() => import('./routes/dashboard-page.tsx').then((m) => ({ default: m.DashboardPage })));

export function App() {
  return (
    <BrowserRouter>
      <SessionProvider>
        <Routes>
          <Route path="/login" element={<LoginPage />} />
          <Route element={<RequireSession><Shell /></RequireSession>}>
            <Route index element={<Navigate to="/zones" replace />} />
            <Route path="zones" element={<ZonesPage />} />
            <Route path="zones/new" element={<ZoneNewPage />} />
            <Route path="zones/import" element={<ZoneImportPage />} />
            <Route path="zones/:key" element={<ZonePage />} />
            <Route path="kpis" element={<Suspense fallback={<Loading />}><KpisPage /></Suspense>} />
            <Route path="findings" element={<FindingsPage />} />
            <Route path="findings/new" element={<FindingNewPage />} />
            <Route path="findings/unrouted" element={<UnroutedPage />} />
            <Route path="findings/:id" element={<FindingPage />} />
            <Route path="runs" element={<RunsPage />} />
            <Route path="runs/import" element={<RunImportPage />} />
            <Route path="runs/:id" element={<Suspense fallback={<Loading />}><RunPage /></Suspense>} />
            <Route path="exercises" element={<ExercisesPage />} />
            <Route path="exercises/new" element={<ExerciseNewPage />} />
            <Route path="exercises/:id" element={<ExercisePage />} />
            <Route path="routing" element={<RoutingPage />} />
            <Route path="queue" element={<QueuePage />} />
            <Route path="board" element={<BoardPage />} />
            <Route path="board/:id" element={<BoardSessionPage />} />
            <Route path="triage" element={<TriagePage />} />
            <Route path="remediations" element={<RemediationsPage />} />
            <Route path="remediations/:ref" element={<RemediationPage />} />
            <Route path="settings/policy" element={<PolicyPage />} />
            <Route path="plan" element={<Suspense fallback={<Loading />}><PlanPage /></Suspense>} />
            <Route path="debt" element={<Suspense fallback={<Loading />}><DebtPage /></Suspense>} />
            <Route path="scorecard" element={<Suspense fallback={<Loading />}><ScorecardPage /></Suspense>} />
            <Route path="dashboard" element={<Suspense fallback={<Loading />}><DashboardPage /></Suspense>} />
            <Route path="products" element={<ProductsPage />} />
            <Route path="report" element={<Suspense fallback={<Loading />}><ReportPage /></Suspense>} />
            <Route path="users" element={<UsersPage />} />
            <Route path="account" element={<AccountPage />} />
            <Route path="activity" element={<ActivityPage />} />
            <Route path="prds" element={<PrdsPage />} />
            <Route path="prds/:id" element={<PrdPage />} />
            <Route path="premortems/:id" element={<PremortemPage />} />
            <Route path="launches" element={<LaunchesPage />} />
            <Route path="launches/:id" element={<LaunchPage />} />
            <Route path="risks" element={<RisksPage />} />
            <Route path="risks/:ref" element={<RiskPage />} />
            <Route path="frameworks" element={<FrameworksPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}
