// Saves generated text as a file without the `downloads` permission: a Blob, an object URL and a
// temporary <a download>. `container` is where the link goes (default: the document's body).
export function downloadText(doc: Document, fileName: string, text: string, mimeType: string, container?: ParentNode): void {
  const url = URL.createObjectURL(new Blob([text], { type: mimeType }));
  const anchor = doc.createElement('a');
  anchor.href = url;
  anchor.download = fileName;
  anchor.hidden = true;
  (container ?? doc.body).append(anchor);
  anchor.click();
  anchor.remove();
  // Firefox can still be reading the blob right after click(); release it a little later.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}
