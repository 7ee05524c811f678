// A local SMTP server in its own process, as a real one would be: it accepts every message as fast
// as it can, keeps none, and counts messages per recipient. The parent forks it and talks over IPC:
// it answers 'counts' with [[address, count], …] and its peak memory, and stops on 'close'.
import { SMTPServer } from 'smtp-server';

const counts = new Map();
let peakRss = 0;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);
const server = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS', 'AUTH'],
  logger: false,
  size: 10 * 1024 * 1024,
  onData(stream, session, callback) {
    stream.on('end', () => {
      for (const recipient of session.envelope.rcptTo) {
        const address = recipient.address.toLowerCase();
        counts.set(address, (counts.get(address) ?? 0) + 1);
      }
      callback();
    });
    stream.resume();
  },
});

server.listen(0, '127.0.0.1', () => process.send({ port: server.server.address().port }));
process.on('message', (message) => {
  if (message === 'counts') process.send({ counts: [...counts], peakRssMb: Math.round(peakRss / 1024 / 1024) });
  if (message === 'close') {
    clearInterval(sampler);
    server.close(() => process.exit(0));
  }
});
