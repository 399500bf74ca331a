package app.realmoments.export;

import java.io.IOException;
import java.io.OutputStream;
import java.time.Duration;

/** Where the archives of exports are kept: one zip per export, under its user's prefix. */
public interface ExportArchives {

    /** The object key of an export's archive: everything of a user under {@code {userId}/} (erasure deletes that prefix). */
    static String key(String userId, String exportId) {
        return userId + "/" + exportId + ".zip";
    }

    /** What writes an archive's bytes. */
    @FunctionalInterface
    interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    /** Writes the archive whole, replacing any earlier one of the same export; nothing is kept if it fails. */
    void write(String userId, String exportId, Content content);

    /** A short-lived URL that downloads the archive. */
    String presignDownload(String userId, String exportId, Duration ttl);

    void delete(String userId, String exportId);
}
