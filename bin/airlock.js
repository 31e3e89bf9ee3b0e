#!/usr/bin/env node
// Entry point of the `airlock` command: the compiled CLI when the package is built (npm install runs the
// build), else the TypeScript source through Node's type stripping (Node >= 22.18).
import { existsSync } from 'node:fs';

const compiled = new URL('../dist/cli/main.js', import.meta.url);
await import(existsSync(compiled) ? compiled.href : new URL('../src/cli/main.ts', import.meta.url).href);
