package app.realmoments.functions.accounteraser;

import app.realmoments.account.AccountErasure;
import app.realmoments.account.ErasureJob;
import app.realmoments.events.BatchItemFailures;
import app.realmoments.events.InvocationLog;
import app.realmoments.events.RecordLoop;
import app.realmoments.events.SqsMessage;
import app.realmoments.json.Json;
import app.realmoments.log.Metrics;
import app.realmoments.wiring.Wiring;
import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestStreamHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.List;

/**
 * The erasure queue: each job is one user's erasure walk ({@link AccountErasure}). A job that fails
 * (throttled part-way, the function timing out or dying) is reported alone and comes back after the
 * queue's visibility timeout; the walk re-derives what is left, so it resumes where it stopped. After
 * the redrive limit it waits in the dead-letter queue (docs/operating.md, "Erasure").
 */
public final class AccountEraser implements RequestStreamHandler {

    private static final RecordLoop<SqsMessage> RECORDS = RecordLoop.of("erasure job", SqsMessage::messageId,
            RecordLoop.FailurePolicy.REPORT_EACH).countingFailuresAs("ErasuresFailed");

    private final AccountErasure erasure;

    public AccountEraser() {
        this(wiring());
    }

    private static AccountErasure wiring() {
        Wiring wiring = Wiring.fromEnvironment();
        return wiring.accountErasure(List.of(wiring.reportErasure()));
    }

    public AccountEraser(AccountErasure erasure) {
        this.erasure = erasure;
    }

    @Override
    public void handleRequest(InputStream input, OutputStream output, Context context) throws IOException {
        Metrics metrics = InvocationLog.metrics(context).count("ErasuresDone", 0).count("ItemsErased", 0);
        List<SqsMessage> messages = SqsMessage.readAll(input);
        BatchItemFailures.write(RECORDS.run(messages, context, metrics, (message, log) -> {
            log.put("messageId", message.messageId());
            ErasureJob job = Json.read(message.body(), ErasureJob.class);
            log.put("userId", job.userId());
            log.put("sweep", job.sweep());
            long started = System.nanoTime();
            AccountErasure.Result result = erasure.erase(job);
            log.put("outcome", job.sweep() ? "swept" : "erased");
            log.put("erased", result.total());
            log.put("steps", result.deleted());
            log.put("durationMs", (System.nanoTime() - started) / 1_000_000);
            metrics.count("ErasuresDone", job.sweep() ? 0 : 1).count("ItemsErased", result.total());
        }), output);
    }
}
