import { describeFileSize } from './describe-file-size';

export function tooLargeMessage({ bytes, maxBytes }: { bytes: number; maxBytes: number }): string {
  return `That file is ${describeFileSize(bytes)}; the limit is ${describeFileSize(maxBytes)}. Export a smaller or more compressed copy and upload that.`;
}
