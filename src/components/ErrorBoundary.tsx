import { Component, type ReactNode } from 'react';

interface Props {
  /** What to show instead of the part that failed; `retry` renders it again. */
  fallback(retry: () => void): ReactNode;
  /** When this changes (e.g. the page), a failure is forgotten and the children are tried again. */
  resetKey?: string;
  children: ReactNode;
}

interface State {
  failed: boolean;
  resetKey: string | undefined;
}

/**
 * Shows a way out when a part of the page fails to render or load (a chunk that did not arrive on a
 * bad connection): the rest of the app keeps working. React needs a class for this. Changing
 * `resetKey` retries without remounting children that did not fail.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: false, resetKey: this.props.resetKey };
  static getDerivedStateFromError(): Partial<State> {
    return { failed: true };
  }
  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { failed: false, resetKey: props.resetKey } : null;
  }
  override render() {
    return this.state.failed ? this.props.fallback(() => this.setState({ failed: false })) : this.props.children;
  }
}
