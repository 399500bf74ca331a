package app.realmoments.emulator.provision;

import static app.realmoments.emulator.provision.ResourceProperties.str;

import app.realmoments.emulator.RuntimeLog;
import app.realmoments.emulator.aws.Aws;
import java.util.Map;
import software.amazon.awssdk.services.sesv2.model.AlreadyExistsException;

/**
 * AWS::SES::EmailIdentity: the emulator holds it verified at once (on AWS an address identity waits for
 * its link to be clicked), so the stack's functions can send from it and the emulator keeps what they send.
 */
record EmailIdentities(Aws aws) {

    Physical create(String id, Map<String, Object> p) {
        String identity = str(p, "EmailIdentity", null);
        if (identity == null) {
            throw new IllegalStateException(id + ": AWS::SES::EmailIdentity needs EmailIdentity");
        }
        try {
            aws.ses().createEmailIdentity(b -> b.emailIdentity(identity));
        } catch (AlreadyExistsException exists) {
            RuntimeLog.info("email identity " + identity + " exists already: reused");
        }
        return Physical.of("AWS::SES::EmailIdentity", identity, Map.of());
    }
}
