#!/usr/bin/env node
import { run } from './run.js';
import { catatJejak } from '../util/jejak.js';

catatJejak('mulai node + impor bin', 0);

process.exitCode = await run(process.argv.slice(2));
