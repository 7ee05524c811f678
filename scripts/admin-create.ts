import readline from 'node:readline';
import { runCommand } from './run-command';
import { createStaffUser } from '@/lib/staff/users/create-staff-user';

/**
 * `npm run admin:create`: makes an administrator account from a terminal. Asks for what it is not
 * given by --name, --email or the ADMIN_PASSWORD variable; the password is never echoed.
 */
async function main(): Promise<number> {
  const name = argument('--name') ?? (await ask('Name: '));
  const email = argument('--email') ?? (await ask('Email: '));
  let password = process.env.ADMIN_PASSWORD;
  if (!password) {
    password = await ask('Password (at least 10 characters): ', { isSecret: true });
    const again = await ask('Password again: ', { isSecret: true });
    if (password !== again) {
      console.error('The two passwords differ; nothing was created.');
      return 1;
    }
  }
  const result = await createStaffUser({ input: { name, email, password, role: 'admin' }, actorId: null });
  if (!result.ok) {
    const details = Object.entries(result.fieldErrors ?? {}).map(([field, message]) => `  ${field}: ${message}`);
    console.error([result.error, ...details].join('\n'));
    return 1;
  }
  console.log(`Administrator ${email.trim().toLowerCase()} created; sign in at /login.`);
  return 0;
}

function argument(flag: string): string | undefined {
  const index = process.argv.indexOf(flag);
  return index >= 0 ? process.argv[index + 1] : undefined;
}

function ask(question: string, { isSecret = false } = {}): Promise<string> {
  const prompt = readline.createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  if (isSecret) {
    const writable = prompt as unknown as { _writeToOutput: (text: string) => void };
    writable._writeToOutput = (text) => {
      if (text.includes(question)) process.stdout.write(question);
    };
  }
  return new Promise((resolve) => {
    prompt.question(question, (answer) => {
      prompt.close();
      if (isSecret && process.stdin.isTTY) process.stdout.write('\n');
      resolve(answer);
    });
  });
}

runCommand(main);
