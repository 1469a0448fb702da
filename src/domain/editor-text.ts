/**
 * Text handed to $EDITOR and taken back. The file ends with a newline, as a text file should: an
 * editor that appends a line (`echo more >> file`, or one that adds its own newline) starts a new
 * line instead of joining the last one. That newline is the file's, not the text's: one trailing
 * newline is taken off what comes back. Pure.
 */

/** What the temp file holds: `text` ending with one newline (nothing when there is no text). */
export function editorFileText(text: string): string {
  return text === '' || text.endsWith('\n') ? text : `${text}\n`;
}

/** The text the editor saved, without the file's final newline. */
export function editedText(saved: string): string {
  return saved.replace(/\r?\n$/, '');
}
