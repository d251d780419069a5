const { loadData } = await import('./dist/src/load/index.js');
const { susunBukuIsian } = await import('./dist/src/isian/susun.js');
const { tulisBukuIsian } = await import('./dist/src/isian/tulis.js');
const loaded = await loadData('data');
const buku = susunBukuIsian(loaded, 2024);
for (let i = 0; i < 3; i++) { const t = performance.now(); await tulisBukuIsian(buku, { tanggal: new Date() }); console.log('tulis', performance.now() - t); }
