import { defineConfig, mergeConfig } from 'vitest/config';
import { sharedConfig } from '../../vitest.shared.ts';

const REGISTERED_PLAN = 'test/registered-plan';

export default mergeConfig(
  sharedConfig,
  defineConfig({
    test: {
      projects: [
        {
          extends: true,
          test: { name: 'vue', typecheck: { exclude: [`${REGISTERED_PLAN}/**`] } },
        },
        {
          // Type tests under a registered plan, as a program of their own with
          // its own tsconfig: the Register augmentation would retype all of src.
          test: {
            name: 'registered-plan',
            typecheck: {
              enabled: true,
              only: true,
              include: [`${REGISTERED_PLAN}/*.test-d.ts`],
              tsconfig: `./${REGISTERED_PLAN}/tsconfig.json`,
            },
          },
        },
      ],
    },
  }),
);
