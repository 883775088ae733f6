import { AnalyticsProvider } from '@trackplan/react';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { createBrowserRouter, RouterProvider } from 'react-router';
import { analytics } from './analytics-client.js';
import { routes } from './routes.js';

const router = createBrowserRouter(routes);
const root = document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');

createRoot(root).render(
  <StrictMode>
    <AnalyticsProvider client={analytics}>
      <RouterProvider router={router} />
    </AnalyticsProvider>
  </StrictMode>,
);
