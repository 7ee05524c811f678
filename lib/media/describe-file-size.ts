/** "23.4 MB", "512 KB": sizes as a person reads them in a message. */
export function describeFileSize(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  // Rounded up, so that a file just over the limit never reads as equal to it.
  if (megabytes >= 1) return `${Number.isInteger(megabytes) ? megabytes : (Math.ceil(megabytes * 10) / 10).toFixed(1)} MB`;
  return `${Math.ceil(bytes / 1024)} KB`;
}
