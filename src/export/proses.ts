/** Small process helpers shared by the browser profile cleanup and the output-folder lock. */

/** Whether a process is still running on this machine (EPERM: it is, under another user). */
export function prosesHidup(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
