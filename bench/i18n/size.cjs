const fs = require('fs'), zlib = require('zlib');
const br = b => zlib.brotliCompressSync(b, {params: {[zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: b.length}}).length;
const rows = {};
for (const f of process.argv.slice(2)) { const b = fs.readFileSync(f); rows[f] = [b.length, br(b)]; console.log(f.padEnd(40), String(b.length).padStart(8), String(br(b)).padStart(8)); }
