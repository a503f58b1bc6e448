/**
 * Where the widget's browser files live. They are served as written (no build step), so the
 * compiled router in dist/ still reads them from the package's src/web/assets.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join, relative, sep } from 'node:path';

const candidates = (): string[] => [
  join(import.meta.dirname, 'assets'),
  // dist/src/web → the package root's src/web/assets.
  join(import.meta.dirname, '../../../src/web/assets'),
];

export function findAssetsDir(): string {
  const found = candidates().find((dir) => existsSync(join(dir, 'widget.js')));
  if (!found) throw new Error(`The chat widget's files were not found (looked in ${candidates().join(', ')}). Ship src/web/assets with the package.`);
  return found;
}

/**
 * Modules under `widget/later/` are imported when first used (a saved audience opened, the
 * condition editor), so the first load does not fetch them.
 */
export const LATER_DIR = 'later';

/** The widget's module files loaded up front, as URL paths relative to the site root (`widget/api/client.js`). */
export function listModules(assetsDir: string): string[] {
  const out: string[] = ['widget.js'];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) {
        if (path !== join(assetsDir, 'widget', LATER_DIR)) walk(path);
      }
      else if (entry.name.endsWith('.js')) out.push(relative(assetsDir, path).split(sep).join('/'));
    }
  };
  walk(join(assetsDir, 'widget'));
  return out;
}
