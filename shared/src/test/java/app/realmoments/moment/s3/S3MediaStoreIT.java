package app.realmoments.moment.s3;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import app.realmoments.error.Problem;
import app.realmoments.moment.MediaStore;
import app.realmoments.testing.LocalAws;
import app.realmoments.testing.Ulids;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class S3MediaStoreIT {

    private final S3MediaStore store = new S3MediaStore(LocalAws.shared()::s3, LocalAws.shared()::presigner,
            LocalAws.shared().bucket("MediaBucket"));

    @Test
    void aClientUploadsWithThePresignedRequestAndTheProcessorReadsIt() throws Exception {
        String key = "uploads/u1/" + Ulids.next() + "/back";
        byte[] photo = new byte[4096];
        new java.util.Random(7).nextBytes(photo);
        MediaStore.SignedRequest signed = store.presignUpload(key, "image/jpeg", photo.length, Duration.ofMinutes(10));

        HttpRequest.Builder put = HttpRequest.newBuilder(URI.create(signed.url()))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(photo));
        signed.headers().forEach((name, value) -> {
            if (!name.equals("content-length")) { // the client sets it from the body, as a phone's HTTP stack does
                put.header(name, value);
            }
        });
        HttpResponse<String> response = HttpClient.newHttpClient().send(put.build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());

        assertArrayEquals(photo, store.read(key, 15 * 1024 * 1024).orElseThrow());
        assertThrows(Problem.class, () -> store.read(key, 100), "more than allowed is never read whole");
        store.delete(key, "media/never-written.jpg");
        assertTrue(store.read(key, 1 << 20).isEmpty());
    }

    @Test
    void processedImagesAreServedThroughShortLivedUrls() throws Exception {
        String key = "media/" + Ulids.next() + "/back.jpg";
        store.write(key, new byte[] {1, 2, 3}, "image/jpeg");
        HttpResponse<byte[]> response = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(store.presignDownload(key, Duration.ofMinutes(15)))).build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, response.statusCode());
        assertArrayEquals(new byte[] {1, 2, 3}, response.body());
        assertEquals("image/jpeg", response.headers().firstValue("content-type").orElseThrow());
    }
}
