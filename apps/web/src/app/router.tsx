import { createBrowserRouter } from 'react-router';
import { Layout } from './Layout';
import { AccountPage } from './routes/AccountPage';
import { AdminUsersPage } from './routes/AdminUsersPage';
import { AdminWardFormPage } from './routes/AdminWardFormPage';
import { AdminWardsPage } from './routes/AdminWardsPage';
import { HomePage } from './routes/HomePage';
import { NotFoundPage } from './routes/NotFoundPage';
import { RegisterPage } from './routes/RegisterPage';
import { SignInPage } from './routes/SignInPage';
import { WardsPage } from './routes/WardsPage';

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
      { path: '*', element: <NotFoundPage /> },
    ],
  },
]);
