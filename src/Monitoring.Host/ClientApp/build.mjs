// Bundles the operator console into ../wwwroot/dist (git-ignored). Run by the .NET build of
// Monitoring.Host (see Monitoring.Host.csproj, target ConsoleBundle) or by `npm run build`.
// Everything, Leaflet's CSS and images included, is served by the host itself: no CDN.
import * as esbuild from 'esbuild';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

const here = path.dirname(fileURLToPath(import.meta.url));
const watch = process.argv.includes('--watch');

const options = {
  absWorkingDir: here,
  entryPoints: { console: 'src/main.ts' },
  bundle: true,
  format: 'iife',
  target: ['es2022'],
  minify: !watch,
  sourcemap: true,
  outdir: path.join(here, '..', 'wwwroot', 'dist'),
  loader: { '.png': 'file', '.svg': 'file' },
  assetNames: 'assets/[name]-[hash]',
  legalComments: 'linked',
  logLevel: 'warning',
};

if (watch) {
  const context = await esbuild.context(options);
  await context.watch();
  console.log('esbuild: watching src/ ...');
} else {
  await esbuild.build(options);
}
