/**
 * Calls onChange when a file changes. Polling, because it also works on network and container filesystems and
 * survives editors that replace the file rather than write it. Returns the function that stops watching.
 */
import { unwatchFile, watchFile, type Stats } from 'node:fs';

export function watchFileChanges(path: string, onChange: () => void, intervalMs = 1_000): () => void {
  const listener = (curr: Stats, prev: Stats) => {
    if (curr.mtimeMs !== prev.mtimeMs || curr.size !== prev.size || curr.ino !== prev.ino) onChange();
  };
  watchFile(path, { interval: intervalMs, persistent: false }, listener);
  return () => unwatchFile(path, listener);
}
