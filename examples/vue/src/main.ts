import { createTrackplan } from '@trackplan/vue';
import { trackRouter } from '@trackplan/vue/router';
import { createApp } from 'vue';
import App from './App.vue';
import { analytics } from './analytics-client.js';
import { router } from './router.js';

createApp(App)
  .use(router)
  // vue-router says when pages change; routes name them by name or meta.page.
  .use(createTrackplan({ client: analytics, router: trackRouter(router) }))
  .mount('#app');
