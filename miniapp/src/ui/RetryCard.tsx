import { ActionButton } from './ActionButton';
import { Card } from './Card';
import { Notice } from './Notice';

/** A load that failed: what went wrong, and a button to try again. */
export function RetryCard({ message, onRetry }: { message: string; onRetry(): void }) {
  return (
    <Card>
      <Notice tone='error'>{message}</Notice>
      <ActionButton variant='secondary' onClick={onRetry}>
        重试
      </ActionButton>
    </Card>
  );
}
