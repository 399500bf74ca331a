package app.realmoments.export.sqs;

import app.realmoments.export.ExportJob;
import app.realmoments.export.ExportJobs;
import app.realmoments.json.Json;
import software.amazon.awssdk.services.sqs.SqsClient;

/** Export jobs on the exports queue, one message each. */
public final class SqsExportJobs implements ExportJobs {

    private final SqsClient sqs;
    private final String queueUrl;

    public SqsExportJobs(SqsClient sqs, String queueUrl) {
        this.sqs = sqs;
        this.queueUrl = queueUrl;
    }

    @Override
    public void send(ExportJob job) {
        sqs.sendMessage(r -> r.queueUrl(queueUrl).messageBody(Json.write(job)));
    }
}
