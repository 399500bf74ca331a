package app.realmoments.export.dynamo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.export.Export;
import app.realmoments.export.ExportStatus;
import app.realmoments.testing.LocalAws;
import app.realmoments.testing.Ulids;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class DynamoExportStoreIT {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");

    private final LocalAws aws = LocalAws.shared();
    private final String table = aws.table("UsersTable");
    private final DynamoExportStore store = new DynamoExportStore(aws.dynamo(), table);

    @Test
    void anExportGoesFromPreparingToReadyOnceAndExpiresByTtl() {
        String user = "user-" + Ulids.next();
        Export export = Export.requested(user, Ulids.next(), NOW);
        store.create(export);
        assertEquals(export, store.find(user, export.exportId()).orElseThrow());
        assertTrue(store.find("someone-else", export.exportId()).isEmpty(), "found only in its user's partition");

        assertTrue(store.markReady(user, export.exportId(), NOW.plusSeconds(20)));
        assertFalse(store.markReady(user, export.exportId(), NOW.plusSeconds(40)), "a second delivery finds it ready");
        Export ready = store.find(user, export.exportId()).orElseThrow();
        assertEquals(ExportStatus.READY, ready.status());
        assertEquals(NOW.plusSeconds(20), ready.readyAt());

        Map<String, AttributeValue> item = aws.dynamo().getItem(r -> r.tableName(table)
                .key(Map.of("pk", AttributeValue.fromS("USER#" + user), "sk", AttributeValue.fromS("EXPORT#" + export.exportId())))).item();
        assertEquals(Long.toString(NOW.plusSeconds(7 * 86_400).getEpochSecond()), item.get("expiresAt").n(), "TTL in epoch seconds");

        store.delete(user, export.exportId());
        assertTrue(store.find(user, export.exportId()).isEmpty());
        assertFalse(store.markReady(user, export.exportId(), NOW), "an erased export is never marked back");
    }
}
