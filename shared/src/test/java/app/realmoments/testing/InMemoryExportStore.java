package app.realmoments.testing;

import app.realmoments.export.Export;
import app.realmoments.export.ExportStatus;
import app.realmoments.export.ExportStore;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Export items by user and id, as the users table keys them. */
public final class InMemoryExportStore implements ExportStore {

    public final Map<String, Export> exports = new ConcurrentHashMap<>();

    private static String key(String userId, String exportId) {
        return userId + "/" + exportId;
    }

    @Override
    public void create(Export export) {
        if (exports.putIfAbsent(key(export.userId(), export.exportId()), export) != null) {
            throw new IllegalStateException("export exists: " + export.exportId());
        }
    }

    @Override
    public Optional<Export> find(String userId, String exportId) {
        return Optional.ofNullable(exports.get(key(userId, exportId)));
    }

    @Override
    public synchronized boolean markReady(String userId, String exportId, Instant readyAt) {
        Export export = exports.get(key(userId, exportId));
        if (export == null || export.status() != ExportStatus.PREPARING) {
            return false;
        }
        exports.put(key(userId, exportId), export.ready(readyAt));
        return true;
    }

    @Override
    public void delete(String userId, String exportId) {
        exports.remove(key(userId, exportId));
    }
}
