/** Runs a provisioning command with its output streamed, failing with a message that names it. */
import { spawn } from 'node:child_process';

/** Runs `command args`, prefixing each output line, and rejects when it exits non-zero. */
export function runCommand(
  command: string,
  args: string[],
  options: { env?: NodeJS.ProcessEnv; cwd?: string; prefix: string; onLine?: (line: string) => void },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: options.env ?? process.env, cwd: options.cwd, stdio: 'pipe' });
    const tail: string[] = [];
    const onData = (chunk: Buffer) => {
      for (const line of chunk.toString().split('\n')) {
        if (!line.trim()) continue;
        tail.push(line);
        if (tail.length > 20) tail.shift();
        (options.onLine ?? ((l: string) => console.log(`${options.prefix} ${l}`)))(line);
      }
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('error', (err) => reject(new Error(`${command} tidak dapat dijalankan / cannot run: ${err.message}`)));
    child.once('exit', (code) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} gagal (kode ${code}):\n${tail.join('\n')}`));
    });
  });
}
