import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { RequireSession } from './features/auth/require-session.tsx';
import { SessionProvider } from './features/auth/session-context.tsx';
import { AccountPage } from './routes/account-page.tsx';
import { ActivityPage } from './routes/activity-page.tsx';
import { ExerciseNewPage } from './routes/exercise-new-page.tsx';
import { ExercisePage } from './routes/exercise-page.tsx';
import { ExercisesPage } from './routes/exercises-page.tsx';
import { FindingNewPage } from './routes/finding-new-page.tsx';
import { FindingPage } from './routes/finding-page.tsx';
import { FindingsPage } from './routes/findings-page.tsx';
import { LoginPage } from './routes/login-page.tsx';
import { NotFoundPage } from './routes/not-found-page.tsx';
import { ProductsPage } from './routes/products-page.tsx';
import { QueuePage } from './routes/queue-page.tsx';
import { RoutingPage } from './routes/routing-page.tsx';
import { RunImportPage } from './routes/run-import-page.tsx';
import { RunsPage } from './routes/runs-page.tsx';
import { Shell } from './routes/shell.tsx';
import { UnroutedPage } from './routes/unrouted-page.tsx';
import { UsersPage } from './routes/users-page.tsx';
import { ZoneImportPage } from './routes/zone-import-page.tsx';
import { ZoneNewPage } from './routes/zone-new-page.tsx';
import { ZonePage } from './routes/zone-page.tsx';
import { ZonesPage } from './routes/zones-page.tsx';
import { Loading } from './ui/loading.tsx';

// The report and run pages carry the charting library: load them only when opened.
const ReportPage = lazy(() => import('./routes/report-page.tsx').then((m) => ({ default: m.ReportPage })));
const RunPage = lazy(() => import('./routes/run-page.tsx').then((m) => ({ default: m.RunPage })));

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
            <Route path="products" element={<ProductsPage />} />
            <Route path="report" element={<Suspense fallback={<Loading />}><ReportPage /></Suspense>} />
            <Route path="users" element={<UsersPage />} />
            <Route path="account" element={<AccountPage />} />
            <Route path="activity" element={<ActivityPage />} />
            <Route path="*" element={<NotFoundPage />} />
          </Route>
        </Routes>
      </SessionProvider>
    </BrowserRouter>
  );
}
