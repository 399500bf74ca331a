package app.realmoments.runtime.lambda;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.emulator.provision.ProvisionedStack;
import app.realmoments.emulator.template.Intrinsics;
import app.realmoments.emulator.template.Parameters;
import app.realmoments.emulator.template.StackSettings;
import app.realmoments.emulator.template.Template;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A function of the real template.yaml as the runtime runs it: Globals merged, intrinsics resolved. */
class FunctionSpecTest {

    /** Physical ids as "phys-<LogicalId>", attributes as "<LogicalId>.<Attribute>". */
    private record NamedAfterLogicalIds() implements Intrinsics.ResourceLookup {
        @Override
        public String ref(String logicalId) {
            return "phys-" + logicalId;
        }

        @Override
        public String getAtt(String logicalId, String attribute) {
            return logicalId + "." + attribute;
        }
    }

    private static Template real() {
        return Template.read(ProvisionedStack.findRoot().resolve("template.yaml"));
    }

    private static Intrinsics intrinsics(Template template) {
        return new Intrinsics(template, StackSettings.LOCAL, Parameters.values(template, Map.of()),
                new NamedAfterLogicalIds());
    }

    @Test
    void mergesGlobalsIntoEachFunctionTheFunctionWinning() {
        Template template = real();
        Intrinsics intrinsics = intrinsics(template);
        FunctionSpec health = FunctionSpec.of(template.resource("HealthFunction"), intrinsics, "health");
        assertEquals(512, health.memoryMb(), "the function's own MemorySize");
        assertEquals(15, health.timeoutSeconds(), "Timeout from Globals");
        assertEquals("java25", health.runtime());
        assertEquals("JSON", health.logFormat());
        assertEquals("dev", health.environment().get("STAGE"));
        assertEquals("functions/health/target/health.jar", health.codeUri());
        assertEquals("app.realmoments.functions.health.HealthApi", health.handlerClass());
        assertEquals("handleRequest", health.handlerMethod());

        FunctionSpec feed = FunctionSpec.of(template.resource("FeedApiFunction"), intrinsics, "feed");
        assertEquals("phys-FeedTable", feed.environment().get("FEED_TABLE"));
        assertEquals("dev", feed.environment().get("STAGE"), "Globals variables merged with the function's own");
        assertTrue(feed.environment().get("CURSOR_SIGNING_KEY").matches("[0-9a-f]{64}"),
                "a NoEcho parameter without default gets a random value");
        FunctionSpec.EventSource route = feed.events().get("GetFeed");
        assertEquals("HttpApi", route.type());
        assertEquals("/feed", route.properties().get("Path"));
        assertEquals("phys-HttpApi", route.properties().get("ApiId"));
        assertEquals(Map.of("Ref", "HttpApi"), route.raw().get("ApiId"));

        FunctionSpec upload = FunctionSpec.of(template.resource("UploadProcessorFunction"), intrinsics, "upload");
        assertEquals("real-moments-media-123456789012-us-east-1-dev", upload.environment().get("MEDIA_BUCKET"));
        assertEquals(60, upload.timeoutSeconds());
        assertEquals("phys-MediaBucket", upload.events().get("Uploaded").properties().get("Bucket"));

        FunctionSpec fanout = FunctionSpec.of(template.resource("FeedFanoutFunction"), intrinsics, "fanout");
        assertEquals("MomentsTable.StreamArn", fanout.events().get("MomentChanges").properties().get("Stream"));
    }
}
