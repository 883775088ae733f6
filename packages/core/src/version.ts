/** Sent as `context.library`. A unit test keeps it equal to package.json. */
export const LIBRARY_NAME = '@trackplan/core';
export const LIBRARY_VERSION = '0.1.0';
