package app.realmoments.notify;

/** Mobile push through the platforms' services (SNS platform applications in the cloud). */
public interface PushGateway {

    enum Delivery { SENT, GONE }

    /** True when this platform's application is configured; a device of another platform is kept inbox-only. */
    boolean supports(PushPlatform platform);

    /** True when any platform is configured: with none, notifications are inbox-only. */
    boolean enabled();

    /** The endpoint for this token (the same one when called again with the same token). */
    String createEndpoint(PushPlatform platform, String token);

    /**
     * Pushes to one endpoint. {@link Delivery#GONE} when the platform disabled or rejected it (the app
     * was uninstalled, the token expired): the device should be removed. Other failures throw.
     */
    Delivery publish(String endpointArn, PushPlatform platform, PushMessage message);

    void deleteEndpoint(String endpointArn);

    /** No platform configured: every notification stays in the inbox. */
    PushGateway NONE = new PushGateway() {
        @Override
        public boolean supports(PushPlatform platform) {
            return false;
        }

        @Override
        public boolean enabled() {
            return false;
        }

        @Override
        public String createEndpoint(PushPlatform platform, String token) {
            return null;
        }

        @Override
        public Delivery publish(String endpointArn, PushPlatform platform, PushMessage message) {
            throw new IllegalStateException("no push platform is configured");
        }

        @Override
        public void deleteEndpoint(String endpointArn) {
        }
    };
}
