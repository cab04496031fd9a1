/**
 * The process boundaries of docs/architecture.md are enforced by ESLint; this proves the rules
 * bite by linting forbidden imports as if they sat in each folder.
 */
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: new URL('../..', import.meta.url).pathname });

async function restrictedImports(filePath: string, code: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-imports' || m.ruleId === 'no-restricted-globals').length;
}

describe('process boundaries (lint)', () => {
  it.each([
    ['shared/ importing Node', 'shared/domain/x.ts', "import { readFileSync } from 'node:fs';\nexport const a = readFileSync;"],
    ['shared/ importing a bare Node builtin', 'shared/domain/x.ts', "import path from 'path';\nexport const a = path;"],
    ['shared/ importing electron', 'shared/contract/x.ts', "import { app } from 'electron';\nexport const a = app;"],
    ['shared/ using the DOM', 'shared/domain/x.ts', 'export const a = document.title;'],
    ['shared/ using process', 'shared/domain/x.ts', 'export const a = process.env;'],
    ['shared/ importing host code', 'shared/domain/x.ts', "import { createHost } from '../../electron/host/host';\nexport const a = createHost;"],
    ['electron/host importing electron', 'electron/host/x.ts', "import { safeStorage } from 'electron';\nexport const a = safeStorage;"],
    ['electron/host importing the renderer', 'electron/host/x.ts', "import { App } from '../../renderer/src/App';\nexport const a = App;"],
    ['the renderer importing electron/', 'renderer/src/x.ts', "import { createHost } from '../../electron/host/host';\nexport const a = createHost;"],
    ['the renderer importing Node', 'renderer/src/x.ts', "import { spawn } from 'node:child_process';\nexport const a = spawn;"],
    ['the renderer importing electron', 'renderer/src/x.ts', "import { ipcRenderer } from 'electron';\nexport const a = ipcRenderer;"],
    ['the renderer importing a native module', 'renderer/src/x.ts', "import Database from 'better-sqlite3';\nexport const a = Database;"],
    ['the main process importing the renderer', 'electron/main/x.ts', "import { App } from '../../renderer/src/App';\nexport const a = App;"],
  ])('rejects %s', async (_label, file, code) => {
    expect(await restrictedImports(file, code)).toBeGreaterThan(0);
  });

  it.each([
    ['shared/ importing zod', 'shared/domain/x.ts', "import { z } from 'zod';\nexport const a = z;"],
    ['the host importing Node and shared/', 'electron/host/x.ts', "import { readFileSync } from 'node:fs';\nimport { calls } from '../../shared/contract/index';\nexport const a = [readFileSync, calls];"],
    ['the renderer importing shared/', 'renderer/src/x.ts', "import { calls } from '../../shared/contract/index';\nexport const a = calls;"],
    ['the main process importing electron and the host', 'electron/main/x.ts', "import { app } from 'electron';\nimport { createHost } from '../host/host';\nexport const a = [app, createHost];"],
  ])('allows %s', async (_label, file, code) => {
    expect(await restrictedImports(file, code)).toBe(0);
  });
});
