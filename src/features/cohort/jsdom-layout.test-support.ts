/**
 * jsdom lays nothing out, so every box measures 0 and a virtualised table would show no row. This
 * gives the dashboard's scroll boxes the size a browser gives them (30rem high, a desktop width).
 * Returns a function that puts the real measures back.
 */
export function sizeScrollBoxes(height = 480, width = 1000): () => void {
  const proto = HTMLElement.prototype;
  const saved = (['clientHeight', 'clientWidth'] as const).map((key) => [key, Object.getOwnPropertyDescriptor(Element.prototype, key)] as const);
  const size = (key: 'clientHeight' | 'clientWidth', value: number) =>
    Object.defineProperty(proto, key, {
      configurable: true,
      get(this: HTMLElement) {
        return this.classList.contains('cohort-scroll') ? value : 0;
      },
    });
  size('clientHeight', height);
  size('clientWidth', width);
  return () => {
    for (const [key] of saved) delete (proto as unknown as Record<string, unknown>)[key];
  };
}
