/** The worker thread of pekerja-cetak.ts, from the compiled modules (dist/src/). */
import { jalankanPekerjaCetak } from './pekerja-cetak.js';

jalankanPekerjaCetak();
