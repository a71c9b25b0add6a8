/** The worker-thread entry of the document pool (pool.ts): one document per task. */
import { runDocumentTask, type DocumentTask, type DocumentTaskResult } from './document-task.js';

export default function work(task: DocumentTask): Promise<DocumentTaskResult> {
  return runDocumentTask(task);
}
