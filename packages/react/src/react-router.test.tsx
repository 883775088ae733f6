// @vitest-environment jsdom
import { act, render } from '@testing-library/react';
import { lazy, type ReactElement, StrictMode, Suspense, useEffect } from 'react';
import {
  BrowserRouter,
  createBrowserRouter,
  Outlet,
  Route,
  RouterProvider,
  Routes,
  useNavigate,
  useParams,
} from 'react-router';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { AnalyticsProvider, type PageTrackingOption } from './analytics-provider.js';
import { ReactRouterPageTracking } from './react-router.js';
import { createRecorder, type Recorder } from './test-support/recorder.js';
import { Titled } from './test-support/titled.js';

let recorder: Recorder;

function Product() {
  const { productId } = useParams();
  return <Titled title={`Product ${productId}`} />;
}
function Redirect() {
  const navigate = useNavigate();
  useEffect(() => {
    navigate('/cart', { replace: true });
  }, [navigate]);
  return null;
}

/** A page that sends a visitor who is not signed in to the login page at once. */
function SignInFirst() {
  const navigate = useNavigate();
  useEffect(() => {
    navigate('/login', { replace: true });
  }, [navigate]);
  return <Titled title="Account" />;
}

/** A layout whose routes may load their code on first use. */
function SuspendingRoot() {
  return (
    <>
      <ReactRouterPageTracking />
      <Suspense fallback={null}>
        <Outlet />
      </Suspense>
    </>
  );
}

/** The router's navigate function, for a test to call from outside the tree. */
let navigateOutside: ReturnType<typeof useNavigate> = () => {};
function GrabNavigate() {
  navigateOutside = useNavigate();
  return null;
}

/** A landing page that drops the utm_ parameters from its URL once mounted. */
function StripsCampaign() {
  useEffect(() => {
    window.history.replaceState(window.history.state, '', window.location.pathname);
  }, []);
  return <Titled title="Landing" />;
}

function Loading() {
  return <Titled title="Loading" />;
}

function Root() {
  return (
    <>
      <ReactRouterPageTracking />
      <Outlet />
    </>
  );
}

function dataRouter() {
  return createBrowserRouter([
    {
      path: '/',
      element: <Root />,
      children: [
        { index: true, element: <Titled title="Home" />, handle: { page: 'Home' } },
        {
          path: 'products/:productId',
          element: <Product />,
          handle: {
            page: ({ productId }: Record<string, string | undefined>) => ({
              name: 'Product Detail',
              properties: { product_id: productId ?? '' },
            }),
          },
        },
        { path: 'cart', element: <Titled title="Cart" />, handle: { page: { name: 'Cart' } } },
        { path: 'old-cart', element: <Redirect /> },
        { path: 'about', element: <Titled title="About" /> },
        { path: 'landing', element: <Titled title="Landing" />, handle: { page: 'Landing' } },
      ],
    },
  ]);
}

function renderWith(
  router: ReturnType<typeof dataRouter>,
  options: Exclude<PageTrackingOption, boolean> = {},
) {
  return render(
    <StrictMode>
      <AnalyticsProvider
        client={recorder.analytics}
        pageTracking={{ afterRender: recorder.afterRender, ...options }}
      >
        <RouterProvider router={router} />
      </AnalyticsProvider>
    </StrictMode>,
  );
}

beforeEach(() => {
  window.history.replaceState(null, '', '/');
  recorder = createRecorder();
});

describe('ReactRouterPageTracking', () => {
  it('tracks one page per navigation, named by the routes’ handle.page', async () => {
    const router = dataRouter();
    renderWith(router);
    recorder.paint();
    await act(() => router.navigate('/products/p1'));
    recorder.paint();
    await act(() => router.navigate('/cart'));
    recorder.paint();
    await act(() => router.navigate('/cart'));
    recorder.paint();
    await act(() => router.navigate('/about'));
    recorder.paint();
    await act(() => router.navigate(-1));
    recorder.paint();
    expect(recorder.pages()).toEqual([
      { name: 'Home', path: '/', search: '', title: 'Home' },
      {
        name: 'Product Detail',
        path: '/products/p1',
        search: '',
        title: 'Product p1',
        product_id: 'p1',
      },
      { name: 'Cart', path: '/cart', search: '', title: 'Cart' },
      { name: undefined, path: '/about', search: '', title: 'About' },
      { name: 'Cart', path: '/cart', search: '', title: 'Cart' },
    ]);
  });

  it('tracks a redirect where it lands, once', async () => {
    const router = dataRouter();
    renderWith(router);
    recorder.paint();
    await act(() => router.navigate('/old-cart'));
    recorder.paint();
    expect(recorder.pages().map((page) => page.path)).toEqual(['/', '/cart']);
  });

  it('names a redirect to a code-split route by that route, not by the page it left', async () => {
    let loadLogin: (module: { default: () => ReactElement }) => void = () => {};
    const LazyLogin = lazy(
      () => new Promise<{ default: () => ReactElement }>((resolve) => (loadLogin = resolve)),
    );
    const router = createBrowserRouter([
      {
        path: '/',
        element: <SuspendingRoot />,
        children: [
          { index: true, element: <Titled title="Home" />, handle: { page: 'Home' } },
          { path: 'account', element: <SignInFirst />, handle: { page: 'Account' } },
          { path: 'login', element: <LazyLogin />, handle: { page: 'Login' } },
        ],
      },
    ]);
    renderWith(router);
    recorder.paint();
    await act(() => router.navigate('/account'));
    // The browser paints twice while the login route's code loads.
    recorder.paint();
    recorder.paint();
    await act(async () => loadLogin({ default: () => <Titled title="Login" /> }));
    recorder.paint();
    expect(recorder.pages()).toEqual([
      { name: 'Home', path: '/', search: '', title: 'Home' },
      { name: 'Login', path: '/login', search: '', title: 'Login' },
    ]);
  });

  it('tracks the first page when the app edits its URL outside the router before it is read', () => {
    window.history.replaceState(null, '', '/landing?utm_source=ad');
    renderWith(dataRouter());
    // The app drops the campaign parameters once it has read them; the router never hears of it.
    window.history.replaceState(window.history.state, '', '/landing');
    recorder.paint();
    recorder.paint();
    expect(recorder.pages()).toEqual([
      { name: 'Landing', path: '/landing', search: '', title: 'Landing' },
    ]);
    // The campaign is the one the URL had when the router reported the page.
    expect(recorder.messages[0]?.context.campaign).toEqual({ source: 'ad' });
  });

  it.each([
    ['before', Root],
    [
      'after',
      () => (
        <>
          <Outlet />
          <ReactRouterPageTracking />
        </>
      ),
    ],
  ])(
    'keeps the campaign of the first page when its mount effect strips it, with the adapter %s the outlet',
    (_, Layout) => {
      window.history.replaceState(null, '', '/landing?utm_source=ad&utm_campaign=spring');
      const router = createBrowserRouter([
        {
          path: '/',
          element: <Layout />,
          children: [{ path: 'landing', element: <StripsCampaign />, handle: { page: 'Landing' } }],
        },
      ]);
      renderWith(router);
      recorder.paint();
      recorder.paint();
      expect(window.location.search).toBe('');
      expect(recorder.pages()).toEqual([
        { name: 'Landing', path: '/landing', search: '', title: 'Landing' },
      ]);
      expect(recorder.messages[0]?.context.campaign).toEqual({ source: 'ad', name: 'spring' });
    },
  );

  it('names the first page from its route when the router renders it only after its data has loaded, with history: false', async () => {
    let release: (value: null) => void = () => {};
    const loaded = new Promise<null>((resolve) => (release = resolve));
    const router = createBrowserRouter([
      {
        path: '/',
        element: <Root />,
        loader: () => loaded,
        HydrateFallback: Loading,
        children: [{ index: true, element: <Titled title="Home" />, handle: { page: 'Home' } }],
      },
    ]);
    // The adapter mounts with the root route, after its loader: too late to
    // claim the first page from the History API, so the app turns that off.
    renderWith(router, { history: false });
    // The browser paints the fallback while the loader runs.
    recorder.paint();
    await act(async () => release(null));
    recorder.paint();
    expect(recorder.pages()).toEqual([{ name: 'Home', path: '/', search: '', title: 'Home' }]);
  });

  it('warns in development when it mounts after the History API has tracked the first page', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    let loadApp: (module: { default: () => ReactElement }) => void = () => {};
    const LazyApp = lazy(
      () => new Promise<{ default: () => ReactElement }>((resolve) => (loadApp = resolve)),
    );
    render(
      <StrictMode>
        <AnalyticsProvider
          client={recorder.analytics}
          pageTracking={{ afterRender: recorder.afterRender }}
        >
          <Suspense fallback={<Loading />}>
            <LazyApp />
          </Suspense>
        </AnalyticsProvider>
      </StrictMode>,
    );
    // The app's code, its router included, loads after the first paint: no
    // one can tell then that a router will name this page.
    recorder.paint();
    const router = dataRouter();
    await act(async () => loadApp({ default: () => <RouterProvider router={router} /> }));
    recorder.paint();
    expect(recorder.pages()).toEqual([
      { name: undefined, path: '/', search: '', title: 'Loading' },
    ]);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('history: false'));
    // Once, though StrictMode reports the page twice.
    expect(warn).toHaveBeenCalledTimes(1);
  });

  it('hands page tracking back to the History API when it unmounts', async () => {
    const router = dataRouter();
    const app = (routed: boolean) => (
      <StrictMode>
        <AnalyticsProvider
          client={recorder.analytics}
          pageTracking={{ afterRender: recorder.afterRender }}
        >
          {routed ? <RouterProvider router={router} /> : <Titled title="Signed out" />}
        </AnalyticsProvider>
      </StrictMode>
    );
    const view = render(app(true));
    recorder.paint();
    await act(() => router.navigate('/cart'));
    recorder.paint();
    // The app swaps the router out, e.g. for a signed-out screen, and moves on without it.
    view.rerender(app(false));
    act(() => window.history.pushState(null, '', '/signed-out'));
    recorder.paint();
    expect(recorder.pages().map((page) => [page.name, page.path])).toEqual([
      ['Home', '/'],
      ['Cart', '/cart'],
      [undefined, '/signed-out'],
    ]);
  });

  it('names each page once below nested providers over one client', async () => {
    const router = dataRouter();
    render(
      <StrictMode>
        <AnalyticsProvider
          client={recorder.analytics}
          pageTracking={{ afterRender: recorder.afterRender }}
        >
          <AnalyticsProvider
            client={recorder.analytics}
            pageTracking={{ afterRender: recorder.afterRender }}
          >
            <RouterProvider router={router} />
          </AnalyticsProvider>
        </AnalyticsProvider>
      </StrictMode>,
    );
    recorder.paint();
    await act(() => router.navigate('/products/p1'));
    recorder.paint();
    await act(() => router.navigate('/cart'));
    recorder.paint();
    expect(recorder.pages().map((page) => [page.name, page.path])).toEqual([
      ['Home', '/'],
      ['Product Detail', '/products/p1'],
      ['Cart', '/cart'],
    ]);
  });

  it('lets an outer provider track when the inner one over the same client turns tracking off', async () => {
    const router = dataRouter();
    render(
      <StrictMode>
        <AnalyticsProvider
          client={recorder.analytics}
          pageTracking={{ afterRender: recorder.afterRender }}
        >
          <AnalyticsProvider client={recorder.analytics} pageTracking={false}>
            <RouterProvider router={router} />
          </AnalyticsProvider>
        </AnalyticsProvider>
      </StrictMode>,
    );
    recorder.paint();
    await act(() => router.navigate('/cart'));
    recorder.paint();
    // The adapter's tracker can send nothing, so it claims nothing: the
    // outer provider follows the History API, unnamed.
    expect(recorder.pages().map((page) => [page.name, page.path])).toEqual([
      [undefined, '/'],
      [undefined, '/cart'],
    ]);
  });

  it('tracks the page a navigation out of the adapter’s layout leads to, however long it renders', async () => {
    let loadLogin: (module: { default: () => ReactElement }) => void = () => {};
    const LazyLogin = lazy(
      () => new Promise<{ default: () => ReactElement }>((resolve) => (loadLogin = resolve)),
    );
    window.history.replaceState(null, '', '/app/a');
    render(
      <StrictMode>
        <AnalyticsProvider
          client={recorder.analytics}
          pageTracking={{ afterRender: recorder.afterRender }}
        >
          <BrowserRouter>
            <GrabNavigate />
            <Suspense fallback={<Loading />}>
              <Routes>
                <Route path="/login" element={<LazyLogin />} />
                <Route path="/app" element={<Root />}>
                  <Route path="a" element={<Titled title="A" />} />
                </Route>
              </Routes>
            </Suspense>
          </BrowserRouter>
        </AnalyticsProvider>
      </StrictMode>,
    );
    recorder.paint();
    await act(async () => navigateOutside('/login'));
    // The transition keeps the layout, and the adapter, while the code loads.
    recorder.paint();
    recorder.paint();
    await act(async () => loadLogin({ default: () => <Titled title="Login" /> }));
    recorder.paint();
    expect(recorder.pages().map((page) => [page.path, page.title])).toEqual([
      ['/app/a', 'A'],
      ['/login', 'Login'],
    ]);
  });

  it('takes over from the History API listener, so each page is named and counted once', async () => {
    const router = dataRouter();
    renderWith(router);
    recorder.paint();
    // A pushState outside the router is not a route change the adapter sees.
    act(() => window.history.pushState(null, '', '/somewhere-else'));
    recorder.paint();
    expect(recorder.pages()).toHaveLength(1);
  });

  it('sends no page when the provider turns page tracking off, even with an adapter rendered', async () => {
    const router = dataRouter();
    render(
      <AnalyticsProvider client={recorder.analytics} pageTracking={false}>
        <RouterProvider router={router} />
      </AnalyticsProvider>,
    );
    await act(() => router.navigate('/cart'));
    // Turned off, no afterRender is given: a tracker left on would send once
    // its own frame-or-100-ms wait is over.
    await act(() => new Promise((resolve) => setTimeout(resolve, 250)));
    expect(recorder.pages()).toEqual([]);
  });

  it('works with <BrowserRouter> and describePage', async () => {
    render(
      <StrictMode>
        <AnalyticsProvider
          client={recorder.analytics}
          pageTracking={{ afterRender: recorder.afterRender }}
        >
          <BrowserRouter>
            <ReactRouterPageTracking
              describePage={(location) => ({ name: location.pathname === '/' ? 'Home' : 'Other' })}
            />
            <Routes>
              <Route path="/" element={<Titled title="Home" />} />
            </Routes>
          </BrowserRouter>
        </AnalyticsProvider>
      </StrictMode>,
    );
    recorder.paint();
    expect(recorder.pages()).toEqual([{ name: 'Home', path: '/', search: '', title: 'Home' }]);
  });
});
