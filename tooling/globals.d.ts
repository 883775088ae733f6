/**
 * True in development builds. Replaced at build time with a check of
 * `process.env.NODE_ENV` that bundlers fold away, so production bundles carry
 * error codes without their long explanations.
 */
declare const __DEV__: boolean;
