export default defineBackground(() => {
  // wired in lib/background (Hub I/O + cache owner)
});
