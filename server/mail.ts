// Waymark's outgoing e-mail (invites, password resets) through nodemailer over SMTP. Only built
// when SMTP_URL is set; without it callers fall back to links shown in the app.
import nodemailer from 'nodemailer';

export interface MailConfig {
  smtpUrl: string;
  /** The From header, e.g. "Waymark <waymark@example.com>". */
  from: string;
}

export interface MailMessage {
  to: string;
  subject: string;
  text: string;
}

export interface Mailer {
  send(message: MailMessage): Promise<void>;
}

export function createMailer(config: MailConfig): Mailer {
  const transport = nodemailer.createTransport(config.smtpUrl);
  return {
    async send(message) {
      await transport.sendMail({ from: config.from, ...message });
    },
  };
}
