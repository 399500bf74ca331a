package app.realmoments.mail;

/** Sends one plain-text email (campus verification codes). */
public interface Mailer {

    /** Throws {@link Refused} when the address cannot take it, and lets other failures through. */
    void send(Email email);

    record Email(String to, String subject, String text) {
    }

    /** The mail service refused the recipient (a malformed or suppressed address, a sandbox's unverified one). */
    final class Refused extends RuntimeException {
        public Refused(String message, Throwable cause) {
            super(message, cause);
        }
    }
}
