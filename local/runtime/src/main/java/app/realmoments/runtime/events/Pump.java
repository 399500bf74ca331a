package app.realmoments.runtime.events;

import app.realmoments.emulator.RuntimeLog;

/**
 * A background poller standing in for one Lambda event source mapping (or S3's asynchronous
 * invocation): one daemon thread calling {@link #poll()} until closed.
 */
public abstract class Pump implements AutoCloseable {

    private final String name;
    private volatile boolean running;
    private Thread thread;

    protected Pump(String name) {
        this.name = name;
    }

    public String name() {
        return name;
    }

    /** One round of work; true when it did something (poll again at once), false to idle a moment. */
    protected abstract boolean poll() throws Exception;

    /** How long to idle when a round found nothing. */
    protected long idleMillis() {
        return 200;
    }

    public final synchronized void start() {
        if (thread != null) {
            return;
        }
        running = true;
        thread = new Thread(this::loop, "pump-" + name);
        thread.setDaemon(true);
        thread.start();
    }

    protected final boolean running() {
        return running;
    }

    private void loop() {
        long backoff = 0;
        while (running) {
            try {
                boolean worked = poll();
                backoff = 0;
                if (!worked) {
                    sleep(idleMillis());
                }
            } catch (InterruptedException e) {
                break;
            } catch (Exception e) {
                if (!running) {
                    break;
                }
                backoff = Math.min(5000, backoff == 0 ? 500 : backoff * 2);
                RuntimeLog.warn(name + ": " + e + " (retrying in " + backoff + " ms)");
                try {
                    sleep(backoff);
                } catch (InterruptedException interrupted) {
                    break;
                }
            }
        }
    }

    protected final void sleep(long millis) throws InterruptedException {
        if (running) {
            Thread.sleep(millis);
        }
    }

    @Override
    public void close() {
        Thread current;
        synchronized (this) {
            running = false;
            current = thread;
        }
        if (current != null) {
            current.interrupt();
            try {
                current.join(5000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
