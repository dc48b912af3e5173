import { createBrowserRouter } from 'react-router';
import { Layout } from './Layout';
import { AccountPage } from './routes/AccountPage';
import { AdminCycleFormPage } from './routes/AdminCycleFormPage';
import { AdminCyclesPage } from './routes/AdminCyclesPage';
import { AuditPage } from './routes/AuditPage';
import { CyclePage } from './routes/CyclePage';
import { CyclesPage } from './routes/CyclesPage';
import { NotificationsPage } from './routes/NotificationsPage';
import { EditProposalPage, NewProposalPage } from './routes/ProposalFormPage';
import { ProposalPage } from './routes/ProposalPage';
import { ProposalsPage } from './routes/ProposalsPage';
import { ReviewCyclesPage, ReviewQueuePage } from './routes/ReviewsPage';
import { VerdictPage } from './routes/VerdictPage';
import { AdminUsersPage } from './routes/AdminUsersPage';
import { AdminWardFormPage } from './routes/AdminWardFormPage';
import { AdminWardsPage } from './routes/AdminWardsPage';
import { HomePage } from './routes/HomePage';
import { NotFoundPage } from './routes/NotFoundPage';
import { RegisterPage } from './routes/RegisterPage';
import { SignInPage } from './routes/SignInPage';
import { WardsPage } from './routes/WardsPage';
import { VotePage } from './routes/VotePage';
import { ReceiptsPage } from './routes/ReceiptsPage';
import { PaperBallotCyclesPage } from './routes/PaperBallotCyclesPage';
import { PaperBallotsPage } from './routes/PaperBallotsPage';
import { ResultsPage } from './routes/ResultsPage';
import { AdminCountPage } from './routes/AdminCountPage';
import { WardFiguresCyclesPage, WardFiguresPage } from './routes/WardFiguresPage';
import { ManageDeliveryPage, ProjectDeliveryPage } from './routes/ProjectDeliveryPage';

export const router = createBrowserRouter([
  {
    element: <Layout />,
    children: [
      { index: true, element: <HomePage /> },
      { path: 'sign-in', element: <SignInPage /> },
      { path: 'register', element: <RegisterPage /> },
      { path: 'account', element: <AccountPage /> },
      { path: 'wards', element: <WardsPage /> },
      { path: 'admin/wards', element: <AdminWardsPage /> },
      { path: 'admin/wards/new', element: <AdminWardFormPage /> },
      { path: 'admin/wards/:wardId', element: <AdminWardFormPage /> },
      { path: 'admin/users', element: <AdminUsersPage /> },
      { path: 'cycles', element: <CyclesPage /> },
      { path: 'cycles/:cycleId', element: <CyclePage /> },
      { path: 'cycles/:cycleId/proposals', element: <ProposalsPage /> },
      { path: 'cycles/:cycleId/proposals/new', element: <NewProposalPage /> },
      { path: 'cycles/:cycleId/reviews', element: <ReviewQueuePage /> },
      { path: 'proposals/:proposalId', element: <ProposalPage /> },
      { path: 'proposals/:proposalId/edit', element: <EditProposalPage /> },
      { path: 'proposals/:proposalId/review', element: <VerdictPage /> },
      { path: 'reviews', element: <ReviewCyclesPage /> },
      { path: 'notifications', element: <NotificationsPage /> },
      { path: 'admin/cycles', element: <AdminCyclesPage /> },
      { path: 'admin/cycles/new', element: <AdminCycleFormPage /> },
      { path: 'admin/cycles/:cycleId', element: <AdminCycleFormPage /> },
      { path: 'admin/audit', element: <AuditPage /> },
      { path: 'cycles/:cycleId/vote', element: <VotePage /> },
      { path: 'cycles/:cycleId/paper-ballots', element: <PaperBallotsPage /> },
      { path: 'paper-ballots', element: <PaperBallotCyclesPage /> },
      { path: 'receipts', element: <ReceiptsPage /> },
      { path: 'cycles/:cycleId/results', element: <ResultsPage /> },
      { path: 'admin/cycles/:cycleId/count', element: <AdminCountPage /> },
      { path: 'ward-figures', element: <WardFiguresCyclesPage /> },
      { path: 'cycles/:cycleId/stats', element: <WardFiguresPage /> },
      { path: 'projects/:projectId/delivery', element: <ProjectDeliveryPage /> },
      { path: 'projects/:projectId/delivery/manage', element: <ManageDeliveryPage /> },
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
