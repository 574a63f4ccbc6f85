/** Creating elements in one expression: `el('button', { class: 'run', title: 'Run' }, '▶ Run')`. */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string>> = {},
  ...children: (Node | string)[]
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  element.append(...children);
  return element;
}

/** A button that calls `action` when clicked (and does not steal the cell's click). */
export function button(label: string, title: string, cls: string, action: () => void): HTMLButtonElement {
  const b = el('button', { type: 'button', class: cls, title }, label);
  b.addEventListener('click', (event) => {
    event.stopPropagation();
    action();
  });
  return b;
}
