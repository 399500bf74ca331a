package app.realmoments.mail.ses;

import app.realmoments.mail.Mailer;
import java.util.function.Supplier;
import software.amazon.awssdk.services.sesv2.SesV2Client;
import software.amazon.awssdk.services.sesv2.model.MessageRejectedException;
import software.amazon.awssdk.services.sesv2.model.NotFoundException;

/**
 * Plain-text email through Amazon SES (the v2 SendEmail API) from the stage's verified sender identity.
 * SES refusing the message (a suppressed or, in the sandbox, unverified recipient) is {@link Refused};
 * everything else (throttling, a paused account) goes to the caller as it is.
 */
public final class SesMailer implements Mailer {

    private final Supplier<SesV2Client> ses;
    private final String from;

    /** @param ses the client, built when the first email is sent (aws/SesClients.lazyClient) */
    public SesMailer(Supplier<SesV2Client> ses, String from) {
        this.ses = ses;
        this.from = from;
    }

    @Override
    public void send(Email email) {
        try {
            ses.get().sendEmail(r -> r.fromEmailAddress(from)
                    .destination(d -> d.toAddresses(email.to()))
                    .content(c -> c.simple(m -> m
                            .subject(s -> s.data(email.subject()).charset("UTF-8"))
                            .body(b -> b.text(t -> t.data(email.text()).charset("UTF-8"))))));
        } catch (MessageRejectedException | NotFoundException refused) {
            throw new Refused("SES refused the message", refused);
        }
    }
}
