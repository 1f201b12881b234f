/**
 * A text matcher for text split over several elements (`Attested by <link>ann</link> <time>…`):
 * matches the innermost element whose whole text is `text`.
 */
export function withText(text: string) {
  return (_content: string, element: Element | null) =>
    element?.textContent === text &&
    Array.from(element.children).every(child => child.textContent !== text);
}
