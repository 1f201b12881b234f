/** Saves text or a blob as a file in the browser, through a temporary object URL. */
export function downloadFile(
  content: string | Blob,
  type: string,
  fileName: string,
) {
  const link = document.createElement('a');
  link.href = URL.createObjectURL(new Blob([content], { type }));
  link.download = fileName;
  link.click();
  // Revoked once the click has been handled: some browsers fetch the blob asynchronously.
  setTimeout(() => URL.revokeObjectURL(link.href), 0);
}
