import { Component, type ReactNode } from 'react';

interface Props {
  /** What to show instead of the part that failed; `retry` renders it again. */
  fallback(retry: () => void): ReactNode;
  children: ReactNode;
}

/**
 * Shows a way out when a part of the page fails to render or load (a chunk that did not arrive on a
 * bad connection): the rest of the app keeps working. React needs a class for this.
 */
export class ErrorBoundary extends Component<Props, { failed: boolean }> {
  override state = { failed: false };
  static getDerivedStateFromError() {
    return { failed: true };
  }
  override render() {
    return this.state.failed ? this.props.fallback(() => this.setState({ failed: false })) : this.props.children;
  }
}
