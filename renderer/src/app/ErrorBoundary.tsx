import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button } from 'antd';
import { Notice } from '../ui/Notice';

interface State {
  error: Error | null;
}

/** Shows a readable Chinese message instead of a white screen; the data on disk is untouched. */
export class ErrorBoundary extends Component<{ children: ReactNode }, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: Error): State {
    return { error };
  }

  override componentDidCatch(error: Error, info: ErrorInfo): void {
    console.error('界面出错', error, info.componentStack);
  }

  override render(): ReactNode {
    if (!this.state.error) return this.props.children;
    return (
      <Notice
        status="error"
        title="页面出现错误"
        subTitle={`已保存的数据不受影响。错误信息：${this.state.error.message || String(this.state.error)}`}
        extra={[
          <Button key="retry" type="primary" onClick={() => this.setState({ error: null })}>
            重试
          </Button>,
          <Button key="home" onClick={() => (window.location.hash = '#/')}>
            返回首页
          </Button>,
        ]}
      />
    );
  }
}
