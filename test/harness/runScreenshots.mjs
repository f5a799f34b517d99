// `npm run screenshots`: runs the end-to-end suite and keeps the screenshots the README shows in
// media/screenshots/, so the pictures stay true to the product.
process.env.STUDYDECK_SCREENSHOTS = '1';
const { runE2E } = await import('./runE2E.mjs');
const r = await runE2E();
console.log(`e2e (screenshots): ${r.passed} passed, ${r.failed} failed`);
process.exit(r.code);
