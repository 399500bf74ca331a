package app.realmoments.emulator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.HttpURLConnection;
import java.net.URI;
import org.junit.jupiter.api.Test;

class EmulatorIT {

    @Test
    void servesOnLoopbackAndStopsWhenClosed() throws IOException {
        String endpoint;
        try (Emulator emulator = Emulator.start()) {
            endpoint = emulator.endpoint();
            HttpURLConnection connection = (HttpURLConnection) URI.create(endpoint + "/moto-api/data.json").toURL().openConnection();
            assertEquals(200, connection.getResponseCode());
            emulator.reset();
        }
        String stopped = endpoint;
        assertThrows(IOException.class, () -> URI.create(stopped + "/moto-api/data.json").toURL().openConnection().getInputStream().close());
    }

    @Test
    void freePortIsAboveTheReservedRange() {
        int port = Emulator.freePort();
        assertFalse(port < 1024, "port " + port);
    }
}
