/** The task queue shared by the API (which starts workflows) and the worker (which runs them). */
export const TASK_QUEUE = 'capaian';
