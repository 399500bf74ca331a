package app.realmoments.testing;

import app.realmoments.mail.Mailer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Keeps every email instead of sending it; refuses the addresses a test names. */
public final class RecordingMailer implements Mailer {

    public final List<Email> sent = new ArrayList<>();
    private Predicate<String> refuses = to -> false;

    public RecordingMailer refusing(Predicate<String> addresses) {
        this.refuses = addresses;
        return this;
    }

    @Override
    public synchronized void send(Email email) {
        if (refuses.test(email.to())) {
            throw new Refused("refused by the test", null);
        }
        sent.add(email);
    }

    /** The six-digit code of the last email. */
    public synchronized String lastCode() {
        Matcher code = Pattern.compile("\\b([0-9]{6})\\b").matcher(sent.getLast().text());
        if (!code.find()) {
            throw new AssertionError("no code in " + sent.getLast().text());
        }
        return code.group(1);
    }
}
