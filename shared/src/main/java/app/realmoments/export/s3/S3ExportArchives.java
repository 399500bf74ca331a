package app.realmoments.export.s3;

import app.realmoments.export.ExportArchives;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.Supplier;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Export archives in the exports bucket, at {@code {userId}/{exportId}.zip}. An archive is written to a
 * temporary file first (the function's ephemeral storage), then put whole: S3 never holds half an archive,
 * and memory holds one image at a time however large the export is.
 */
public final class S3ExportArchives implements ExportArchives {

    private final Supplier<S3Client> s3;
    private final Supplier<S3Presigner> presigner;
    private final String bucket;

    public S3ExportArchives(Supplier<S3Client> s3, Supplier<S3Presigner> presigner, String bucket) {
        this.s3 = s3;
        this.presigner = presigner;
        this.bucket = bucket;
    }

    @Override
    public void write(String userId, String exportId, Content content) {
        Path file = null;
        try {
            file = Files.createTempFile("export-", ".zip");
            try (OutputStream out = new BufferedOutputStream(Files.newOutputStream(file), 1 << 16)) {
                content.writeTo(out);
            }
            Path written = file;
            s3.get().putObject(r -> r.bucket(bucket).key(ExportArchives.key(userId, exportId)).contentType("application/zip"),
                    RequestBody.fromFile(written));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            if (file != null) {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException ignored) {
                    // /tmp is the container's; the next write's name is a new one
                }
            }
        }
    }

    @Override
    public String presignDownload(String userId, String exportId, Duration ttl) {
        return presigner.get().presignGetObject(p -> p.signatureDuration(ttl).getObjectRequest(o -> o.bucket(bucket)
                        .key(ExportArchives.key(userId, exportId))
                        .responseContentDisposition("attachment; filename=\"real-moments-" + exportId + ".zip\"")))
                .url().toString();
    }

    @Override
    public void delete(String userId, String exportId) {
        s3.get().deleteObject(r -> r.bucket(bucket).key(ExportArchives.key(userId, exportId)));
    }
}
