export { loadData, fileOf, tampilanPath, type Loaded, type LoadedFile, type DataSebagian } from './load-data.js';
export { parseYaml, type HasilParse } from './parse-yaml.js';
export { posisiNode, segmenPath, type Posisi } from './position.js';
export { BERKAS_DASAR, BERKAS_TAHUN, DOKUMEN_NARASI, FOLDER_NARASI, namaSkema, type JenisBerkas } from './kinds.js';
export { resolveInsideData, diDalam, type LetakData } from './dalam-data.js';
