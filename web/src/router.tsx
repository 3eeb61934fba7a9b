import { lazy, Suspense, type ReactNode } from 'react';
import { createBrowserRouter } from 'react-router-dom';
import { Spin } from 'antd';
import { AppLayout } from './AppLayout.tsx';
import { HomeRedirect, OwnEnterpriseRedirect } from './auth/redirects.tsx';
import { ALL_PAGES } from './navigation.tsx';
import { ComingSoon } from './pages/ComingSoon.tsx';
import { NotFound } from './pages/NotFound.tsx';

const Dashboard = lazy(() => import('./pages/dashboard/DashboardPage.tsx'));
const EnterpriseList = lazy(() => import('./pages/registry/EnterpriseListPage.tsx'));
const PortraitSearch = lazy(() => import('./pages/registry/PortraitSearchPage.tsx'));
const Portrait = lazy(() => import('./pages/registry/PortraitPage.tsx'));
const Standards = lazy(() => import('./pages/standards/StandardsPage.tsx'));
const Discovery = lazy(() => import('./pages/discovery/DiscoveryPage.tsx'));
const Gaps = lazy(() => import('./pages/discovery/GapsPage.tsx'));
const KeyLists = lazy(() => import('./pages/lists/KeyListsPage.tsx'));
const Login = lazy(() => import('./pages/account/LoginPage.tsx'));
const ChangePassword = lazy(() => import('./pages/account/ChangePasswordPage.tsx'));
const Users = lazy(() => import('./pages/admin/UsersPage.tsx'));
const AuditLog = lazy(() => import('./pages/admin/AuditLogPage.tsx'));
const RecognitionBatches = lazy(() => import('./pages/workflow/BatchesPage.tsx'));
const RecognitionBatch = lazy(() => import('./pages/workflow/BatchPage.tsx'));
const RecognitionReview = lazy(() => import('./pages/workflow/ApplicationsPage.tsx'));
const RecognitionApplication = lazy(() => import('./pages/workflow/ApplicationPage.tsx'));
const RecognitionDynamic = lazy(() => import('./pages/workflow/DynamicPage.tsx'));
const RecognitionTodo = lazy(() => import('./pages/workflow/TodoPage.tsx'));
const RecognitionExperts = lazy(() => import('./pages/workflow/ExpertsPage.tsx'));
const ImportWizard = lazy(() => import('./pages/intake/ImportWizardPage.tsx'));
const ImportHistory = lazy(() => import('./pages/intake/ImportHistoryPage.tsx'));
const Export = lazy(() => import('./pages/intake/ExportPage.tsx'));

function page(element: ReactNode) {
  return <Suspense fallback={<Spin className="page-loading" size="large" />}>{element}</Suspense>;
}

const placeholders = ALL_PAGES.filter((entry) => entry.coming).map((entry) => ({
  path: entry.path,
  element: <ComingSoon page={entry} />,
}));

export const router = createBrowserRouter([
  { path: '/login', element: page(<Login />) },
  {
    path: '/',
    element: <AppLayout />,
    children: [
      { index: true, element: <HomeRedirect /> },
      { path: 'dashboard', element: page(<Dashboard />) },
      { path: 'enterprises', element: page(<EnterpriseList />) },
      { path: 'enterprises/:creditCode', element: page(<Portrait />) },
      { path: 'portrait', element: page(<PortraitSearch />) },
      { path: 'standards', element: page(<Standards />) },
      { path: 'discovery/candidates', element: page(<Discovery />) },
      { path: 'discovery/gaps', element: page(<Gaps />) },
      { path: 'discovery/key-lists', element: page(<KeyLists />) },
      { path: 'account/password', element: page(<ChangePassword />) },
      { path: 'my-enterprise', element: <OwnEnterpriseRedirect /> },
      { path: 'admin/users', element: page(<Users />) },
      { path: 'admin/audit', element: page(<AuditLog />) },
      { path: 'recognition/batches', element: page(<RecognitionBatches />) },
      { path: 'recognition/batches/:id', element: page(<RecognitionBatch />) },
      { path: 'recognition/review', element: page(<RecognitionReview />) },
      { path: 'recognition/applications/:id', element: page(<RecognitionApplication />) },
      { path: 'recognition/dynamic', element: page(<RecognitionDynamic />) },
      { path: 'recognition/todo', element: page(<RecognitionTodo />) },
      { path: 'recognition/experts', element: page(<RecognitionExperts />) },
      { path: 'exchange/import', element: page(<ImportWizard />) },
      { path: 'exchange/history', element: page(<ImportHistory />) },
      { path: 'exchange/export', element: page(<Export />) },
      ...placeholders,
      { path: '*', element: <NotFound /> },
    ],
  },
]);
