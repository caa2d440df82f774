// Reading the files the CLI is given, with errors that say what is wrong with which file.
import { readFileSync, statSync } from 'node:fs';
import { extname } from 'node:path';
import { parseEntityList } from '../core/list/entity-list';
import type { EntityList } from '../core/types';
import { CliError } from './errors';
import { visibleTextOfHtml } from './html-text';

/** Pages larger than this are not news articles; refusing them keeps a mistaken path from eating memory. */
const MAX_BYTES = 64 * 1024 * 1024;

function readUtf8(path: string, what: string): string {
  let size: number;
  try {
    const st = statSync(path);
    if (st.isDirectory()) throw new CliError(`${path}: is a directory, not a ${what}`);
    size = st.size;
  } catch (err) {
    if (err instanceof CliError) throw err;
    const code = (err as NodeJS.ErrnoException).code;
    throw new CliError(code === 'ENOENT' ? `${path}: no such file` : `${path}: cannot read (${code ?? 'error'})`);
  }
  if (size > MAX_BYTES) throw new CliError(`${path}: ${Math.round(size / 1e6)} MB is too large for a ${what} (limit 64 MB)`);
  const bytes = readFileSync(path);
  if (bytes.includes(0)) throw new CliError(`${path}: looks like a binary file, not a ${what}`);
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new CliError(`${path}: is not valid UTF-8 text`);
  }
}

export function looksLikeHtml(path: string, text: string): boolean {
  const ext = extname(path).toLowerCase();
  if (ext === '.html' || ext === '.htm' || ext === '.xhtml') return true;
  if (ext === '.txt' || ext === '.md') return false;
  return /^\s*(<!doctype html|<html|<head|<body)/i.test(text.slice(0, 1024));
}

/**
 * The text a page shows: visible text for HTML (its blocks joined by `blockSeparator`: core's
 * BLOCK_SEPARATOR to read it as the content script does), the file itself for plain text.
 */
export function readPageText(path: string, blockSeparator = '\n'): { text: string; html: boolean } {
  const raw = readUtf8(path, 'page');
  const html = looksLikeHtml(path, raw);
  return { text: html ? visibleTextOfHtml(raw, blockSeparator) : raw, html };
}

export function readEntityList(path: string): EntityList {
  const raw = readUtf8(path, 'entity list');
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch (err) {
    throw new CliError(`${path}: not valid JSON (${(err as Error).message})`);
  }
  const parsed = parseEntityList(value);
  if (!parsed.ok) throw new CliError(`${path}: not an entity list: ${parsed.error}`);
  return parsed.list;
}
