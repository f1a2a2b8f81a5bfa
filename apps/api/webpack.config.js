const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

module.exports = {
  output: {
    path: join(__dirname, '../../dist/apps/api'),
    clean: true,
  },
  devtool: 'source-map',
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      // swc with apps/api/.swcrc, the transform the tests run (jest.config.ts): each file on its
      // own, as ts-loader's transpileOnly did, in about two thirds of the time.
      compiler: 'swc',
      main: './src/main.ts',
      tsConfig: './tsconfig.app.json',
      optimization: false,
      outputHashing: 'none',
      generatePackageJson: true,
      externalDependencies: 'all',
      sourceMap: true,
      // Types are checked by the typecheck target (`nx run-many -t typecheck`, run by CI), not by
      // every build: the checker doubled the time of a first `npm start`.
      typeCheckOptions: false,
    }),
  ],
};
