import { createWriteStream, type WriteStream } from 'node:fs';

/**
 * A build log: splits container output into lines, keeps the last lines for
 * error messages, writes at most `maxBytes` to the log file.
 */
export class BuildLog {
  private readonly tail: string[] = [];
  private partial = '';
  private written = 0;
  private truncated = false;
  private readonly file: WriteStream;

  constructor(
    readonly path: string,
    private readonly onLine: (line: string) => void,
    private readonly maxBytes = 32 * 1024 * 1024,
    private readonly tailLines = 40,
  ) {
    this.file = createWriteStream(path);
  }

  write(chunk: Buffer): void {
    if (this.written < this.maxBytes) {
      const room = this.maxBytes - this.written;
      const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
      this.file.write(part);
      this.written += part.length;
    } else if (!this.truncated) {
      this.truncated = true;
      this.file.write(`\n[stasis-farm: log truncated at ${this.maxBytes} bytes]\n`);
    }
    const text = this.partial + chunk.toString('utf8');
    const lines = text.split('\n');
    this.partial = lines.pop() ?? '';
    if (this.partial.length > 4096) {
      lines.push(this.partial);
      this.partial = '';
    }
    for (const line of lines) this.pushLine(line.replace(/\r$/, ''));
  }

  private pushLine(line: string): void {
    this.tail.push(line);
    if (this.tail.length > this.tailLines) this.tail.shift();
    this.onLine(line);
  }

  note(line: string): void {
    this.file.write(line + '\n');
    this.pushLine(line);
  }

  lastLines(): string[] {
    return this.partial === '' ? [...this.tail] : [...this.tail, this.partial];
  }

  async close(): Promise<void> {
    if (this.partial !== '') {
      this.pushLine(this.partial);
      this.partial = '';
    }
    await new Promise<void>((resolve, reject) => {
      this.file.end((error?: Error | null) => (error ? reject(error) : resolve()));
    });
  }
}
