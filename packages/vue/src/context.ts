import type { Analytics, BoundCalls, PlanShape } from '@trackplan/core';
import type { InjectionKey } from 'vue';

/**
 * What the plugin provides to every component of the app. The calls are bound
 * once at install, so every composable hands out the same functions.
 */
export interface TrackplanContext {
  client: Analytics<PlanShape>;
  calls: BoundCalls<PlanShape>;
}

export const trackplanKey: InjectionKey<TrackplanContext> = Symbol();
