const { readFileSync } = require('fs');
const { NxAppWebpackPlugin } = require('@nx/webpack/app-plugin');
const { join } = require('path');

/**
 * The API's code, and the shared library's, compiled by swc as the tests compile it
 * (jest.config.ts): with .swcrc's options, set on Nx's swc rule for every file. swc would read
 * .swcrc by itself only for the files under apps/api, and compile the others to ES5 with Nx's
 * loose options, where `[...map.values()]` is an empty array.
 */
const swcOptions = { ...JSON.parse(readFileSync(join(__dirname, '.swcrc'), 'utf8')), swcrc: false };
const compileAsTheTestsDo = {
  apply(compiler) {
    const rules = compiler.options.module.rules.filter((rule) => rule?.loader?.includes('swc-loader'));
    if (rules.length !== 1) throw new Error(`Expected Nx's one swc-loader rule, found ${rules.length}`);
    rules[0].options = swcOptions;
  },
};

module.exports = {
  output: {
    path: join(__dirname, '../../dist/apps/api'),
    clean: true,
  },
  devtool: 'source-map',
  plugins: [
    new NxAppWebpackPlugin({
      target: 'node',
      // swc (compileAsTheTestsDo): each file on its own, as ts-loader's transpileOnly did, in
      // about two thirds of the time.
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
    compileAsTheTestsDo,
  ],
};
