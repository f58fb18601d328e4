import { lazy, Suspense } from 'react';
import { BrowserRouter, Navigate, Route, Routes } from 'react-router-dom';
import { RequireSession } from './features/auth/require-session.tsx';
import { SessionProvider } from './features/auth/session-context.tsx';
import { AccountPage } from './routes/account-page.tsx';
import { ActivityPage } from './routes/activity-page.tsx';
import { LoginPage } from './routes/login-page.tsx';
import { NotFoundPage } from './routes/not-found-page.tsx';
import { ProductsPage } from './routes/products-page.tsx';
import { Shell } from './routes/shell.tsx';
import { UsersPage } from './routes/users-page.tsx';
import { ZoneImportPage } from './routes/zone-import-page.tsx';
import { ZoneNewPage } from './routes/zone-new-page.tsx';
import { ZonePage } from './routes/zone-page.tsx';
import { ZonesPage } from './routes/zones-page.tsx';
import { Loading } from './ui/loading.tsx';

// The report page carries the charting library: load it only when opened.
const ReportPage = lazy(() => import('./routes/report-page.tsx').then((m) => ({ default: m.ReportPage })));

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
