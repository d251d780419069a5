#!/usr/bin/env node
import { runCli } from './run.js';
import { catatJejak } from '../util/jejak.js';

catatJejak('mulai node + impor bin', 0);

process.exitCode = await runCli(process.argv.slice(2));
