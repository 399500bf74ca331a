package app.realmoments.snap;

import app.realmoments.config.Environment;
import java.util.ArrayList;
import java.util.List;
import org.crac.Context;
import org.crac.Core;
import org.crac.Resource;

/**
 * SnapStart priming (docs/cold-start.md): work a function's first request would do, done once before
 * Lambda snapshots the initialized function, so that every container restored from the snapshot starts
 * with those classes loaded, initialized and compiled.
 *
 * <p>Primers touch no user data and open no connection: SDK calls go to a canned in-memory HTTP client
 * ({@code PrimingHttpClient}), JSON and HTTP parsing run on synthetic input, and nothing is logged. A
 * primer that fails is reported on stderr and skipped; priming never fails the snapshot.
 *
 * <p>Active only where Lambda says it initializes for SnapStart ({@code AWS_LAMBDA_INITIALIZATION_TYPE=snap-start});
 * everywhere else {@link #enabled()} is false and callers register nothing, so on-demand cold starts
 * pay nothing for it. The hook is a CRaC {@code beforeCheckpoint} resource (org.crac); the benchmark
 * calls {@link #prime()} itself to measure the effect in a JVM without CRaC.
 */
public final class Priming {

    private record Primer(String name, Runnable action) {
    }

    private static final List<Primer> PRIMERS = new ArrayList<>();
    /** CRaC contexts may hold resources weakly: this reference keeps the hook alive. */
    private static Resource hook;
    private static boolean primed;

    private Priming() {
    }

    /** True when this container is being initialized for a SnapStart snapshot. */
    public static boolean enabled() {
        return "snap-start".equals(Environment.optional("AWS_LAMBDA_INITIALIZATION_TYPE", null));
    }

    /** Adds a primer (call only when {@link #enabled()}); the first one registers the CRaC hook. */
    public static synchronized void register(String name, Runnable action) {
        PRIMERS.add(new Primer(name, action));
        if (hook == null) {
            hook = new Hook();
            Core.getGlobalContext().register(hook);
        }
    }

    /** Runs every registered primer once, in registration order. */
    public static synchronized void prime() {
        if (primed) {
            return;
        }
        primed = true;
        for (Primer primer : PRIMERS) {
            try {
                primer.action().run();
            } catch (RuntimeException | LinkageError e) {
                System.err.println("priming " + primer.name() + " skipped: " + e);
            }
        }
    }

    /** The CRaC resource: primes before the checkpoint; after a restore there is nothing to undo. */
    private static final class Hook implements Resource {

        @Override
        public void beforeCheckpoint(Context<? extends Resource> context) {
            prime();
        }

        @Override
        public void afterRestore(Context<? extends Resource> context) {
            // Nothing to reopen: priming opened no connection and cached no credentials.
        }
    }
}
