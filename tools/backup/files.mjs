// Files of a backup: copied with their SHA-256 computed on the way, listed in manifest.json, and
// checked against it before a restore touches anything.
import { createHash } from 'node:crypto';
import { lstat, mkdir, open, readFile, readdir, rename, writeFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';

export const MANIFEST = 'manifest.json';
export const MANIFEST_FORMAT = 'passerelle-backup/1';

const CHUNK = 1 << 20;

const isGone = (error) => error.code === 'ENOENT';

/**
 * Copies the file `from` to `to` (which must not exist), flushed to disk; returns its size and
 * SHA-256, or null when `from` vanished meanwhile (a live data directory drops files).
 */
export async function copyFileHashed(from, to, mode = 0o600) {
  let source;
  try {
    source = await open(from, 'r');
  } catch (error) {
    if (isGone(error)) return null;
    throw error;
  }
  try {
    const target = await open(to, 'wx', mode);
    try {
      const hash = createHash('sha256');
      const buffer = Buffer.allocUnsafe(CHUNK);
      let size = 0;
      for (;;) {
        const { bytesRead } = await source.read(buffer, 0, CHUNK, null);
        if (bytesRead === 0) break;
        hash.update(buffer.subarray(0, bytesRead));
        for (let written = 0; written < bytesRead; ) {
          written += (await target.write(buffer, written, bytesRead - written)).bytesWritten;
        }
        size += bytesRead;
      }
      await target.sync();
      return { size, sha256: hash.digest('hex') };
    } finally {
      await target.close();
    }
  } finally {
    await source.close();
  }
}

/** Writes `bytes` to `path` (which must not exist), flushed; returns its size and SHA-256. */
export async function writeFileHashed(path, bytes, mode = 0o600) {
  const handle = await open(path, 'wx', mode);
  try {
    await handle.writeFile(bytes);
    await handle.sync();
  } finally {
    await handle.close();
  }
  return { size: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
}

export async function hashFile(path) {
  const handle = await open(path, 'r');
  try {
    const hash = createHash('sha256');
    const buffer = Buffer.allocUnsafe(CHUNK);
    let size = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, 0, CHUNK, null);
      if (bytesRead === 0) break;
      hash.update(buffer.subarray(0, bytesRead));
      size += bytesRead;
    }
    return { size, sha256: hash.digest('hex') };
  } finally {
    await handle.close();
  }
}

/** Every regular file under `root`, as paths relative to it with `/` separators. */
export async function listFiles(root, folder = root) {
  const entries = await readdir(folder, { withFileTypes: true }).catch((error) => {
    if (isGone(error)) return [];
    throw error;
  });
  const files = [];
  for (const entry of entries) {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) files.push(...(await listFiles(root, path)));
    else if (entry.isFile()) files.push(relative(root, path).split(sep).join('/'));
    else throw new Error(`${path} is neither a file nor a folder`);
  }
  return files;
}

/** Every folder under `root` (relative, `/` separators), parents first. */
export async function listFolders(root, folder = root) {
  const entries = await readdir(folder, { withFileTypes: true });
  const folders = [];
  for (const entry of entries) {
    if (!entry.isDirectory()) continue;
    const path = join(folder, entry.name);
    folders.push(relative(root, path).split(sep).join('/'), ...(await listFolders(root, path)));
  }
  return folders;
}

/**
 * Reads a backup's manifest and checks every file of the backup against it: same set of files,
 * same sizes, same SHA-256. Throws, naming the first difference; reads, never writes.
 */
export async function verifyBackup(backup) {
  let manifest;
  try {
    manifest = JSON.parse(await readFile(join(backup, MANIFEST), 'utf8'));
  } catch (error) {
    throw new Error(
      isGone(error)
        ? `${backup} is no Passerelle backup (no ${MANIFEST}: an interrupted backup, or another folder)`
        : `${join(backup, MANIFEST)} is unreadable: ${error.message}`,
    );
  }
  if (
    manifest?.format !== MANIFEST_FORMAT ||
    typeof manifest.files !== 'object' ||
    !manifest.files ||
    !Array.isArray(manifest.folders)
  )
    throw new Error(`${join(backup, MANIFEST)} is not a manifest this version reads (${MANIFEST_FORMAT})`);
  // The restore makes the folders the manifest lists: exactly those of the backup, so none lies outside it.
  const folders = new Set(await listFolders(backup));
  const strayFolder = manifest.folders.find((folder) => !folders.has(folder));
  if (strayFolder !== undefined || folders.size !== new Set(manifest.folders).size)
    throw new Error(
      `The folders of ${backup} differ from its manifest${strayFolder ? ` (${strayFolder})` : ''}`,
    );
  const present = (await listFiles(backup)).filter((path) => path !== MANIFEST);
  const listed = Object.keys(manifest.files);
  const unlisted = present.filter((path) => !Object.hasOwn(manifest.files, path));
  if (unlisted.length > 0) throw new Error(`${join(backup, unlisted[0])} is not in the manifest`);
  const presentSet = new Set(present);
  const missing = listed.filter((path) => !presentSet.has(path));
  if (missing.length > 0) throw new Error(`${join(backup, missing[0])} is missing from the backup`);
  for (const path of listed) {
    const expected = manifest.files[path];
    const actual = await hashFile(join(backup, path));
    if (actual.size !== expected.size || actual.sha256 !== expected.sha256)
      throw new Error(`${join(backup, path)} differs from the manifest: the backup is damaged`);
  }
  return manifest;
}

/** Writes the manifest, then makes the backup folder visible under its final name. */
export async function sealBackup(partial, final, manifest) {
  await writeFile(join(partial, MANIFEST), `${JSON.stringify(manifest, null, 1)}\n`, { mode: 0o600 });
  await rename(partial, final);
}

/** `mkdir -p` with a mode for the folders it makes. */
export const makeFolder = (path, mode = 0o700) => mkdir(path, { recursive: true, mode });

export async function isFolder(path) {
  try {
    return (await lstat(path)).isDirectory();
  } catch {
    return false;
  }
}
