import fs from 'node:fs';
import path from 'node:path';
import type { ZipFile } from 'yazl';

/** Where an export's files go: a folder on disk or the entries of a zip being streamed. */
export type ExportWriter = {
  addText(name: string, text: string): Promise<void>;
  /** Adds a file from disk; a zip reads it only when the entry is written, so nothing is held whole. */
  addFile(name: string, absolutePath: string): Promise<void>;
};

export function folderExportWriter(folder: string): ExportWriter {
  const target = (name: string) => {
    const file = path.join(folder, ...name.split('/'));
    fs.mkdirSync(path.dirname(file), { recursive: true });
    return file;
  };
  return {
    addText: async (name, text) => fs.promises.writeFile(target(name), text),
    addFile: async (name, absolutePath) => fs.promises.copyFile(absolutePath, target(name)),
  };
}

export function zipExportWriter(zip: ZipFile, { root = '' }: { root?: string } = {}): ExportWriter {
  return {
    addText: async (name, text) => zip.addBuffer(Buffer.from(text, 'utf8'), root + name),
    addFile: async (name, absolutePath) => zip.addFile(absolutePath, root + name),
  };
}
