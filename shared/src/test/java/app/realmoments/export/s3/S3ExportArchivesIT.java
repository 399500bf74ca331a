package app.realmoments.export.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.export.ExportArchives;
import app.realmoments.testing.LocalAws;
import app.realmoments.testing.Ulids;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Random;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.model.NoSuchKeyException;

/** An archive streamed into the exports bucket, downloaded through its presigned URL and unzipped. */
class S3ExportArchivesIT {

    private final LocalAws aws = LocalAws.shared();
    private final String bucket = aws.bucket("ExportsBucket");
    private final S3ExportArchives archives = new S3ExportArchives(aws::s3, aws::presigner, bucket);

    @Test
    void theZipIsWrittenUnderItsUsersPrefixAndReadableThroughItsUrl() throws Exception {
        String user = "user-" + Ulids.next();
        String exportId = Ulids.next();
        byte[] photo = new byte[3 * 1024 * 1024];
        new Random(3).nextBytes(photo);
        archives.write(user, exportId, out -> {
            ZipOutputStream zip = new ZipOutputStream(out);
            zip.putNextEntry(new ZipEntry("profile.json"));
            zip.write("{\"handle\":\"ana\"}".getBytes(StandardCharsets.UTF_8));
            zip.closeEntry();
            zip.putNextEntry(new ZipEntry("images/m/back.jpg"));
            zip.write(photo);
            zip.closeEntry();
            zip.finish();
        });
        assertEquals("application/zip", aws.s3().headObject(r -> r.bucket(bucket).key(user + "/" + exportId + ".zip")).contentType());

        HttpResponse<byte[]> download = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(archives.presignDownload(user, exportId, Duration.ofMinutes(15)))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, download.statusCode());
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(download.body()))) {
            assertEquals("profile.json", zip.getNextEntry().getName());
            assertEquals("{\"handle\":\"ana\"}", new String(zip.readAllBytes(), StandardCharsets.UTF_8));
            assertEquals("images/m/back.jpg", zip.getNextEntry().getName());
            assertArrayEquals(photo, zip.readAllBytes());
        }

        archives.delete(user, exportId);
        assertThrows(NoSuchKeyException.class, () -> aws.s3().getObject(r -> r.bucket(bucket).key(ExportArchives.key(user, exportId))));
    }

    @Test
    void aFailedWriteKeepsNothing() {
        String user = "user-" + Ulids.next();
        String exportId = Ulids.next();
        assertThrows(RuntimeException.class, () -> archives.write(user, exportId, out -> {
            out.write(new byte[1024]);
            throw new IOException("a read failed half-way");
        }));
        assertTrue(aws.s3().listObjectsV2(r -> r.bucket(bucket).prefix(user + "/")).contents().isEmpty());
    }
}
