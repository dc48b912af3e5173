import type { ComponentType } from 'react';
import { createBrowserRouter } from 'react-router';
import { Layout } from './Layout';
import { CyclePage } from './routes/CyclePage';
import { CyclesPage } from './routes/CyclesPage';
import { HomePage } from './routes/HomePage';
import { NotFoundPage } from './routes/NotFoundPage';
import { RegisterPage } from './routes/RegisterPage';
import { SignInPage } from './routes/SignInPage';

/**
 * A route whose page is loaded when first visited, so the first page a resident opens does not
 * wait for every staff, admin and councillor screen. `name` is the page's export in the module.
 */
function page<Module, Name extends keyof Module>(load: () => Promise<Module>, name: Name) {
  return async () => ({ Component: (await load())[name] as ComponentType });
}

export const router = createBrowserRouter([
  {
    element: <Layout />,
    // Shown on a first visit while the page's code loads.
    hydrateFallbackElement: (
      <p className="loading" role="status">
        Loading…
      </p>
    ),
    children: [
      // The pages most visits start on come with the app itself.
      { index: true, element: <HomePage /> },
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'register', element: <RegisterPage /> },
      { path: 'cycles', element: <CyclesPage /> },
      { path: 'cycles/:cycleId', element: <CyclePage /> },
      { path: 'account', lazy: page(() => import('./routes/AccountPage'), 'AccountPage') },
      { path: 'wards', lazy: page(() => import('./routes/WardsPage'), 'WardsPage') },
      { path: 'admin/wards', lazy: page(() => import('./routes/AdminWardsPage'), 'AdminWardsPage') },
      { path: 'admin/wards/new', lazy: page(() => import('./routes/AdminWardFormPage'), 'AdminWardFormPage') },
      { path: 'admin/wards/:wardId', lazy: page(() => import('./routes/AdminWardFormPage'), 'AdminWardFormPage') },
      { path: 'admin/users', lazy: page(() => import('./routes/AdminUsersPage'), 'AdminUsersPage') },
      { path: 'cycles/:cycleId/proposals', lazy: page(() => import('./routes/ProposalsPage'), 'ProposalsPage') },
      { path: 'cycles/:cycleId/proposals/new', lazy: page(() => import('./routes/ProposalFormPage'), 'NewProposalPage') },
      { path: 'cycles/:cycleId/reviews', lazy: page(() => import('./routes/ReviewsPage'), 'ReviewQueuePage') },
      { path: 'proposals/:proposalId', lazy: page(() => import('./routes/ProposalPage'), 'ProposalPage') },
      { path: 'proposals/:proposalId/edit', lazy: page(() => import('./routes/ProposalFormPage'), 'EditProposalPage') },
      { path: 'proposals/:proposalId/review', lazy: page(() => import('./routes/VerdictPage'), 'VerdictPage') },
      { path: 'reviews', lazy: page(() => import('./routes/ReviewsPage'), 'ReviewCyclesPage') },
      { path: 'notifications', lazy: page(() => import('./routes/NotificationsPage'), 'NotificationsPage') },
      { path: 'admin/cycles', lazy: page(() => import('./routes/AdminCyclesPage'), 'AdminCyclesPage') },
      { path: 'admin/cycles/new', lazy: page(() => import('./routes/AdminCycleFormPage'), 'AdminCycleFormPage') },
      { path: 'admin/cycles/:cycleId', lazy: page(() => import('./routes/AdminCycleFormPage'), 'AdminCycleFormPage') },
      { path: 'admin/audit', lazy: page(() => import('./routes/AuditPage'), 'AuditPage') },
      { path: 'cycles/:cycleId/vote', lazy: page(() => import('./routes/VotePage'), 'VotePage') },
      { path: 'cycles/:cycleId/paper-ballots', lazy: page(() => import('./routes/PaperBallotsPage'), 'PaperBallotsPage') },
      { path: 'paper-ballots', lazy: page(() => import('./routes/PaperBallotCyclesPage'), 'PaperBallotCyclesPage') },
      { path: 'receipts', lazy: page(() => import('./routes/ReceiptsPage'), 'ReceiptsPage') },
      { path: 'cycles/:cycleId/results', lazy: page(() => import('./routes/ResultsPage'), 'ResultsPage') },
      { path: 'admin/cycles/:cycleId/count', lazy: page(() => import('./routes/AdminCountPage'), 'AdminCountPage') },
      { path: 'ward-figures', lazy: page(() => import('./routes/WardFiguresPage'), 'WardFiguresCyclesPage') },
      { path: 'cycles/:cycleId/stats', lazy: page(() => import('./routes/WardFiguresPage'), 'WardFiguresPage') },
      { path: 'projects/:projectId/delivery', lazy: page(() => import('./routes/ProjectDeliveryPage'), 'ProjectDeliveryPage') },
      { path: 'projects/:projectId/delivery/manage', lazy: page(() => import('./routes/ProjectDeliveryPage'), 'ManageDeliveryPage') },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
