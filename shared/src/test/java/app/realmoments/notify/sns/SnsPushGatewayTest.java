package app.realmoments.notify.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import app.realmoments.error.Problem;
import app.realmoments.notify.PushPlatform;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.CreatePlatformEndpointRequest;
import software.amazon.awssdk.services.sns.model.CreatePlatformEndpointResponse;
import software.amazon.awssdk.services.sns.model.InvalidParameterException;

/** A token the push platform refuses is the client's bad input: a 400 naming the token, never a 500. */
class SnsPushGatewayTest {

    private static final String FCM_APP = "arn:aws:sns:us-east-1:123456789012:app/GCM/real-moments";

    /** SNS as it answers CreatePlatformEndpoint for a good and for a refused token (recorded answers). */
    private final SnsClient sns = new SnsClient() {
        @Override
        public CreatePlatformEndpointResponse createPlatformEndpoint(CreatePlatformEndpointRequest request) {
            if (request.token().startsWith("bad")) {
                throw InvalidParameterException.builder().statusCode(400)
                        .message("Invalid parameter: Token Reason: iOS device tokens must be no more than 400 hexadecimal characters")
                        .build();
            }
            return CreatePlatformEndpointResponse.builder()
                    .endpointArn("arn:aws:sns:us-east-1:123456789012:endpoint/GCM/real-moments/1").build();
        }

        @Override
        public String serviceName() {
            return "sns";
        }

        @Override
        public void close() {
        }
    };

    private final SnsPushGateway gateway = new SnsPushGateway(sns, Map.of(PushPlatform.FCM, FCM_APP));

    @Test
    void aGoodTokenGetsItsEndpoint() {
        assertEquals("arn:aws:sns:us-east-1:123456789012:endpoint/GCM/real-moments/1",
                gateway.createEndpoint(PushPlatform.FCM, "good-token"));
    }

    @Test
    void aRefusedTokenIsBadInput() {
        Problem refused = assertThrows(Problem.class, () -> gateway.createEndpoint(PushPlatform.FCM, "bad-token"));
        assertEquals(Problem.Kind.INVALID, refused.kind());
        assertEquals("token", refused.field());
    }
}
