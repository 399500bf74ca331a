package app.realmoments.mail.ses;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.mail.Mailer;
import app.realmoments.testing.JsonTrees;
import app.realmoments.testing.LocalAws;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.InputStream;
import java.net.URI;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Against the emulator's SES: the stack's sender identity (template.yaml) sends, an unverified one is refused. */
class SesMailerIT {

    private final LocalAws aws = LocalAws.shared();

    @Test
    void anEmailFromTheStacksSenderIsSentAndKeptByTheEmulator() throws Exception {
        String to = "student-" + UUID.randomUUID() + "@north.example.edu";
        new SesMailer(aws::ses, "no-reply@realmoments.example")
                .send(new Mailer.Email(to, "Your code", "Your code is 123456\nIt works once."));
        JsonNode mine = null;
        try (InputStream in = URI.create(aws.endpoint() + "/_emulator/ses/messages").toURL().openStream()) {
            for (JsonNode message : JsonTrees.tree(in.readAllBytes()).path("messages")) {
                if (message.path("to").get(0).asText().equals(to)) {
                    mine = message;
                }
            }
        }
        assertTrue(mine != null, "kept by the emulator");
        assertEquals("no-reply@realmoments.example", mine.path("from").asText());
        assertEquals("Your code", mine.path("subject").asText());
        assertEquals("Your code is 123456\nIt works once.", mine.path("text").asText());
        assertTrue(mine.path("sentAt").asText().endsWith("Z"));
    }

    @Test
    void aSenderSesDoesNotHoldIsRefused() {
        SesMailer stranger = new SesMailer(aws::ses, "someone@not-verified.example");
        assertThrows(Mailer.Refused.class,
                () -> stranger.send(new Mailer.Email("a@north.example.edu", "s", "t")));
    }
}
