import baseConfig from '../../eslint.config.mjs';

// The root config already makes unawaited Playwright promises (no-floating-promises) an error.
export default [...baseConfig];
