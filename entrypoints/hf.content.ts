export default defineContentScript({
  matches: ['https://huggingface.co/*'],
  main() {},
});
